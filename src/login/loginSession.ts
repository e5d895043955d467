import { setTimeout as sleepTimer } from "node:timers/promises";

import {
  ensureCacheDir,
  findForeignOwner,
  getCacheDir,
  getTokenFilepath,
  newTokenRecord,
  readTokenFile,
  sweepStaleTempFiles,
  type TokenFile,
  writeTokenFile,
} from "../cache/index.js";
import { getHomeDir, type SsoConfig } from "../config/index.js";
import { describeLoginTarget } from "../errors/index.js";
import { acquireSessionLock, LockNotAcquiredError, type SessionLock } from "../lock/index.js";
import {
  DEFAULT_LOGIN_REQUEST_TIMEOUT_MS,
  DEFAULT_LOGIN_TIMEOUT_MS,
  FRESH_TOKEN_MIN_REMAINING_MS,
} from "./constants.js";
import { createOidcClient } from "./createOidcClient.js";
import type { LoginContext, LoginTokens } from "./LoginContext.js";
import { loginCommandLine, loginError } from "./loginError.js";
import type { LoginResult, LoginSessionInit } from "./LoginSessionInit.js";
import type { LoginEvent } from "./LoginUi.js";
import { runDeviceCodeFlow } from "./runDeviceCodeFlow.js";
import { runPkceFlow } from "./runPkceFlow.js";

const DEFAULT_LOCK_STALE_MS = 10_000;
/** RegisterClient and the other one-off calls get the SDK's usual retries. */
const SDK_MAX_ATTEMPTS = 3;
/** Temporary files older than this were left by killed writers. */
const STALE_TEMP_FILE_MS = 60_000;

/**
 * Signs in to an SSO session anew and caches its token where the AWS CLI does, in the CLI's
 * format, atomically with mode 0600. Like `aws sso login`, it signs in even when a valid
 * token is cached.
 *
 * The whole sign-in runs under the session's lock (purpose "login"), the one providers take
 * to refresh: a provider that needs a refresh meanwhile serves a still-valid token, or waits
 * and then says a login is in progress. A second login of the same session waits for the
 * first (up to `timeoutMs`) and, when the first left a fresh token, returns it without a
 * second browser flow. "Fresh" means: the file now holds a token that was not in it when this
 * login started (a different access token, or no file then) and lasts at least one more
 * minute.
 *
 * @throws SsoTokenProviderError `LOGIN_FAILED` (denied, expired, timed out, service error),
 *   `LOCK_TIMEOUT` (another login held the session longer than `timeoutMs`), or a cache
 *   error when the token cannot be written; each says what to do.
 * @public
 */
export async function loginSession(init: LoginSessionInit): Promise<LoginResult> {
  const { config } = init;
  const now = init.now ?? Date.now;
  const timeoutMs = init.timeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS;
  const emit = (event: LoginEvent) => init.ui?.onEvent?.(event);

  const cacheDir = getCacheDir(init.homeDir ?? getHomeDir());
  const cacheKey = config.kind === "session" ? config.sessionName! : config.startUrl;
  const filepath = getTokenFilepath(cacheKey, init.homeDir ?? getHomeDir());
  await ensureCacheDir(cacheDir);
  await refuseForeignFiles(config, filepath);

  const before = await readQuietly(filepath);
  const lock = await lockForLogin(init, filepath, timeoutMs, emit);
  try {
    const after = await readQuietly(filepath);
    if (after && isFresh(after, before, now())) {
      emit({ type: "other-login-finished", expiresAt: after.expiresAt });
      return {
        filepath,
        expiresAt: after.expiresAt,
        refreshable: after.refreshToken !== undefined,
        flow: "other-login",
      };
    }
    await sweepStaleTempFiles(cacheDir, STALE_TEMP_FILE_MS).catch(() => 0);

    const context = createContext(init, cacheDir, timeoutMs, emit);
    const flow = init.useDeviceCode || config.kind === "legacy" ? "device" : "pkce";
    const client = createOidcClient({
      region: config.region,
      clientConfig: init.clientConfig,
      requestTimeoutMs: context.requestTimeoutMs,
      maxAttempts: SDK_MAX_ATTEMPTS,
    });

    let tokens: LoginTokens;
    try {
      tokens =
        flow === "device"
          ? await runDeviceCodeFlow(context, client)
          : await runPkceFlow(context, client);
    } catch (error) {
      throw init.signal?.aborted ? interrupted(config, error) : error;
    } finally {
      client.destroy();
    }

    // Written even if the lock was taken over meanwhile (the holder stalled past its stale
    // bound): a token from a sign-in that just finished is newer than anything a refresher has.
    await saveToken(config, filepath, tokens);
    if (tokens.refreshToken === undefined) {
      emit({ type: "warning", message: noRefreshTokenWarning(config, tokens.expiresAt) });
    }
    return {
      filepath,
      expiresAt: tokens.expiresAt,
      refreshable: tokens.refreshToken !== undefined,
      flow,
    };
  } finally {
    await lock.release();
  }
}

/**
 * Takes the session lock for the login. When another login holds it, says so and waits up
 * to `timeoutMs` for it; a refresh holds it only briefly, so that wait is silent.
 */
async function lockForLogin(
  init: LoginSessionInit,
  filepath: string,
  timeoutMs: number,
  emit: (event: LoginEvent) => void,
): Promise<SessionLock> {
  const staleMs = Math.max(2000, init.lockStaleMs ?? DEFAULT_LOCK_STALE_MS);
  try {
    return await acquireSessionLock(filepath, { timeoutMs: 0, staleMs, purpose: "login" });
  } catch (error) {
    if (!(error instanceof LockNotAcquiredError) || error.reason !== "busy") {
      throw lockError(init.config, filepath, error, timeoutMs);
    }
    if (error.loginInProgress) emit({ type: "waiting-for-other-login", timeoutMs });
  }

  try {
    return await acquireSessionLock(filepath, { timeoutMs, staleMs, purpose: "login" });
  } catch (error) {
    throw lockError(init.config, filepath, error, timeoutMs);
  }
}

function lockError(config: SsoConfig, filepath: string, error: unknown, timeoutMs: number) {
  if (error instanceof LockNotAcquiredError && error.reason === "busy") {
    return loginError(
      config,
      `another login or refresh of this session held ${error.lockPath} for ` +
        `${Math.max(1, Math.round(timeoutMs / 1000))} s. Finish or stop that login, then run ` +
        `\`${loginCommandLine(config)}\` again; if no other process is running, remove ` +
        "that folder.",
      { code: "LOCK_TIMEOUT", cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return loginError(
    config,
    `cannot lock ${filepath} (${reason}). Check that ${filepath}'s folder exists, is yours ` +
      `and is writable, then run \`${loginCommandLine(config)}\` again.`,
    { cause: error },
  );
}

function isFresh(after: TokenFile, before: TokenFile | undefined, nowMs: number): boolean {
  const isNew = before === undefined || before.accessToken !== after.accessToken;
  return isNew && after.expiresAt.getTime() - nowMs >= FRESH_TOKEN_MIN_REMAINING_MS;
}

/** A file that is missing, unreadable or invalid counts as no token: login replaces it. */
async function readQuietly(filepath: string): Promise<TokenFile | undefined> {
  try {
    return await readTokenFile(filepath, { retryDelaysMs: [] });
  } catch {
    return undefined;
  }
}

function createContext(
  init: LoginSessionInit,
  cacheDir: string,
  timeoutMs: number,
  emit: (event: LoginEvent) => void,
): LoginContext {
  let browserOpened = false;
  return {
    config: init.config,
    cacheDir,
    clientConfig: init.clientConfig,
    emit,
    async openBrowserOnce(url) {
      if (browserOpened || !init.ui?.openBrowser) return;
      browserOpened = true;
      try {
        await init.ui.openBrowser(url);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        emit({
          type: "warning",
          message: `Could not open a browser (${reason}); open the address above yourself.`,
        });
      }
    },
    now: init.now ?? Date.now,
    sleep: init.sleep ?? ((ms, signal) => sleepTimer(ms, undefined, { signal })),
    signal: init.signal,
    timeoutMs,
    requestTimeoutMs: init.requestTimeoutMs ?? DEFAULT_LOGIN_REQUEST_TIMEOUT_MS,
  };
}

/**
 * Checked before a person is asked to sign in: another user's cache folder or file is not
 * taken over, nor a symlink they planted followed (a `sudo` run that kept HOME meets this).
 */
async function refuseForeignFiles(config: SsoConfig, filepath: string): Promise<void> {
  const foreign = await findForeignOwner(filepath);
  if (!foreign) return;
  throw loginError(
    config,
    `${foreign.path} belongs to uid ${foreign.uid}, not to you (uid ${process.geteuid!()}); ` +
      `a login does not take another user's files over. Was HOME kept by sudo? Log in as ` +
      `that user, or remove it and log in again.`,
    { code: "TOKEN_FILE_FOREIGN_OWNER" },
  );
}

async function saveToken(config: SsoConfig, filepath: string, tokens: LoginTokens) {
  const record = newTokenRecord({
    startUrl: config.startUrl,
    region: config.region,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    clientId: tokens.registration.clientId,
    clientSecret: tokens.registration.clientSecret,
    registrationExpiresAt: tokens.registration.expiresAt,
    ...(tokens.refreshToken !== undefined ? { refreshToken: tokens.refreshToken } : {}),
  });
  try {
    await writeTokenFile(filepath, record);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw loginError(
      config,
      `signed in, but the token could not be saved to ${filepath}: ${reason}. Fix that, ` +
        `then run \`${loginCommandLine(config)}\` again.`,
      { cause: error },
    );
  }
}

function noRefreshTokenWarning(config: SsoConfig, expiresAt: Date): string {
  const until = `you will have to log in again when it expires at ${expiresAt.toISOString()}`;
  if (config.kind === "legacy") {
    return (
      `The service issued no refresh token, so ${until}. Tokens of a legacy profile are never ` +
      `refreshed; to get refreshable ones, move sso_start_url and sso_region of profile ` +
      `'${config.profileName ?? "default"}' into an [sso-session] section in ` +
      `${config.configFilepath} with sso_registration_scopes = sso:account:access.`
    );
  }
  return (
    `The service issued no refresh token for ${describeLoginTarget(config)}, so ${until}. ` +
    `Add \`sso_registration_scopes = sso:account:access\` to [sso-session ` +
    `${config.sessionName}] in ${config.configFilepath}, then log in again.`
  );
}

function interrupted(config: SsoConfig, cause: unknown) {
  return loginError(
    config,
    `the login was interrupted before it finished. Run \`${loginCommandLine(config)}\` to ` +
      "try again.",
    { cause },
  );
}
