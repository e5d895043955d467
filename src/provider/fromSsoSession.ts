import { performance } from "node:perf_hooks";

import type { Logger } from "@aws-sdk/types";

import { getTokenFilepath } from "../cache/index.js";
import { getHomeDir, loadSsoConfig, resolveProfileName, type SsoConfig } from "../config/index.js";
import { SsoTokenProviderError } from "../errors/index.js";
import {
  DEFAULT_LOCK_STALE_MS,
  DEFAULT_LOCK_TIMEOUT_MS,
  DEFAULT_REFRESH_WINDOW_MS,
  REFRESH_RETRY_DELAY_MS,
  SDK_TOKEN_REFRESH_WINDOW_MS,
  type FromSsoSessionInit,
} from "./FromSsoSessionInit.js";
import { callerProperties, type CallerProperties } from "./callerProperties.js";
import { clauseOf, failBeforeRefresh } from "./failBeforeRefresh.js";
import { readTokenFileCached } from "./readTokenFileCached.js";
import type { RefreshContext } from "./refreshSession.js";
import { sessionError, type ServedToken } from "./sessionError.js";
import type { ResolvedProviderOptions } from "./ResolvedProviderOptions.js";
import { sessionStateFor, type SessionState } from "./sessionState.js";
import { SsoTokenIdentity } from "./SsoTokenIdentity.js";

/**
 * A token provider as SDK clients take it (`TokenIdentityProvider`), typed with what it
 * returns: an {@link SsoTokenIdentity}, whose `expiration` is always set.
 *
 * @public
 */
export type SsoTokenProvider = (properties?: Record<string, unknown>) => Promise<SsoTokenIdentity>;

/** The config is resolved again after this long, so edits are seen without a restart. */
const CONFIG_RECHECK_MS = 1000;

/**
 * An SDK v3 token provider for an IAM Identity Center (SSO) session, to pass as
 * `new SomeClient({ token: fromSsoSession({ profile: "dev" }) })`.
 *
 * It reads the token the AWS CLI caches in `~/.aws/sso/cache/<sha1 of session name>.json`
 * and returns `{ token, expiration }`. Within `refreshWindowMs` of expiry (or when called with
 * `forceRefresh`) it refreshes through SSO OIDC CreateToken under an inter-process lock, so
 * that many processes sharing the session spend its rotating refresh token once, and writes
 * the file back atomically with mode 0600 in the CLI's format.
 *
 * A legacy profile (`sso_start_url` in the profile, no `sso_session`) is served while its
 * token is valid and never refreshed: the AWS CLI stores no refresh token for it.
 *
 * @public
 */
export function fromSsoSession(init: FromSsoSessionInit = {}): SsoTokenProvider {
  const options = resolveOptions(init);
  const configs = new Map<string, { config: SsoConfig; checkedAtMs: number }>();

  async function resolveConfig(caller: CallerProperties): Promise<SsoConfig> {
    const profile = resolveProfileName({ profile: init.profile, callerProfile: caller.profile });
    const configFilepath = init.configFilepath ?? caller.configFilepath;
    const filepath = init.filepath ?? caller.filepath;
    const key = JSON.stringify([init.ssoSession, profile.name, configFilepath, filepath]);
    const known = configs.get(key);
    if (known && performance.now() - known.checkedAtMs < CONFIG_RECHECK_MS) return known.config;

    const config = await loadSsoConfig({
      profile: profile.name,
      profileExplicit: profile.explicit,
      ssoSession: init.ssoSession,
      configFilepath,
      filepath,
    });
    configs.set(key, { config, checkedAtMs: performance.now() });
    return config;
  }

  return async (properties: Record<string, unknown> = {}) => {
    const config = await resolveConfig(callerProperties(properties));
    const cacheKey = config.kind === "session" ? config.sessionName! : config.startUrl;
    const filepath = getTokenFilepath(cacheKey, getHomeDir());
    const state = sessionStateFor(filepath);

    const served = await serve(config, filepath, state, options, properties.forceRefresh === true);
    return new SsoTokenIdentity(served.accessToken, reportedExpiration(served, options));
  };
}

async function serve(
  config: SsoConfig,
  filepath: string,
  state: SessionState,
  options: ResolvedProviderOptions,
  forceRefresh: boolean,
): Promise<ServedToken> {
  const file = await readWithContext(config, filepath, state);
  const now = options.now();

  if (state.memoryOnly && state.memoryOnly.expiresAt > file.expiresAt) {
    if (state.memoryOnly.expiresAt.getTime() - now > options.refreshWindowMs) {
      return state.memoryOnly;
    }
  }

  const remainingMs = file.expiresAt.getTime() - now;
  if (config.kind === "legacy") {
    if (remainingMs > 0) return file;
    throw sessionError({ config }, "TOKEN_EXPIRED", legacyExpiredText(file.filepath));
  }
  if (!forceRefresh && remainingMs > options.refreshWindowMs) return file;

  const recentlyFailed =
    state.lastFailedRefreshAtMs !== undefined &&
    now - state.lastFailedRefreshAtMs < REFRESH_RETRY_DELAY_MS;
  if (recentlyFailed && !forceRefresh && remainingMs > 0) return file;

  // One refresh per cache file in this process; concurrent callers share its outcome.
  const inFlight =
    state.inFlight ??
    refresh({ config, filepath, state, options, forceRefresh, seen: file }).finally(() => {
      state.inFlight = undefined;
    });
  state.inFlight = inFlight;
  return await inFlight;
}

/**
 * The refresh code (the lock, proper-lockfile, the write path) is loaded on the first refresh:
 * a process whose token is fresh, the common case, never pays for it.
 */
async function refresh(context: RefreshContext): Promise<ServedToken> {
  let refreshSession;
  try {
    ({ refreshSession } = await import("./refreshSession.js"));
  } catch (error) {
    const what =
      `this package's refresh code could not be loaded (${clauseOf(error)}); if the package ` +
      `was replaced on disk since this process started, restart it`;
    return failBeforeRefresh(context, what, error);
  }
  return await refreshSession(context);
}

async function readWithContext(config: SsoConfig, filepath: string, state: SessionState) {
  let file;
  try {
    file = await readTokenFileCached(filepath, state);
  } catch (error) {
    if (error instanceof SsoTokenProviderError) {
      throw sessionError({ config }, error.code, error.message, error);
    }
    throw sessionError({ config }, "TOKEN_FILE_INVALID", `cannot read ${filepath}.`, error);
  }
  if (!file) {
    throw sessionError(
      { config },
      "TOKEN_NOT_FOUND",
      `no cached token: ${filepath} does not exist (not logged in yet, or logged out).`,
    );
  }
  return file;
}

function legacyExpiredText(filepath: string): string {
  return (
    `the token in ${filepath} has expired. A legacy SSO profile (sso_start_url in the ` +
    `profile, no sso_session) cannot be refreshed; log in again, or move the settings to an ` +
    `[sso-session] section so the token can be refreshed.`
  );
}

/**
 * SDK clients call a token provider again only in the last 5 minutes before `expiration`; a
 * longer refresh window takes effect only if `expiration` is reported that much earlier.
 */
function reportedExpiration(served: ServedToken, options: ResolvedProviderOptions): Date {
  const earlierByMs = Math.max(0, options.refreshWindowMs - SDK_TOKEN_REFRESH_WINDOW_MS);
  return new Date(served.expiresAt.getTime() - earlierByMs);
}

function resolveOptions(init: FromSsoSessionInit): ResolvedProviderOptions {
  return {
    clientConfig: init.clientConfig,
    logger: init.logger ?? warningsLogger,
    refreshWindowMs: init.refreshWindowMs ?? DEFAULT_REFRESH_WINDOW_MS,
    now: init.now ?? Date.now,
    lockTimeoutMs: init.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    lockStaleMs: Math.max(2000, init.lockStaleMs ?? DEFAULT_LOCK_STALE_MS),
  };
}

/** Without a logger, warnings still reach a person: through Node's warning channel. */
const warningsLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (...content: unknown[]) => {
    process.emitWarning(content.map(String).join(" "), { type: "SsoTokenProviderWarning" });
  },
  error: () => undefined,
};
