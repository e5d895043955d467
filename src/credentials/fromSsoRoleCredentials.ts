import type {
  AwsCredentialIdentityProvider,
  TokenIdentity,
  TokenIdentityProvider,
} from "@aws-sdk/types";

import { callerProperties } from "../provider/callerProperties.js";
import { SsoTokenProviderError } from "../errors/index.js";
import { fromSsoSession } from "../provider/index.js";
import {
  CREDENTIALS_REUSE_WINDOW_MS,
  type FromSsoRoleCredentialsInit,
} from "./FromSsoRoleCredentialsInit.js";
import { requestRoleCredentials } from "./requestRoleCredentials.js";
import { resolveRoleTarget, type RoleTarget } from "./resolveRoleTarget.js";
import { isUnauthorized, roleCredentialsError } from "./roleCredentialsError.js";
import type { SsoRoleCredentials } from "./SsoRoleCredentials.js";

/**
 * An SDK v3 credential provider for an SSO profile (`sso_session` or legacy SSO keys,
 * `sso_account_id`, `sso_role_name`), to pass as
 * `new SomeClient({ credentials: fromSsoRoleCredentials({ profile: "dev" }) })`.
 *
 * Each resolution asks `fromSsoSession` for the session's bearer token, so the token is
 * refreshed under the session's lock and a token refreshed by another process, or by a new
 * login, is picked up. With it, it calls the SSO portal's GetRoleCredentials in `sso_region`
 * through `@aws-sdk/client-sso` (loaded on first use; see `clientConfig`) and returns
 * {@link SsoRoleCredentials}: keys, session token, `expiration` and `accountId`. If the
 * portal answers `UnauthorizedException`, it asks `fromSsoSession` again with
 * `forceRefresh` and retries once; if that fails too, the error names the login command.
 *
 * Credentials are kept in memory, in this provider only, keyed by session (or start URL),
 * account and role, so two profiles on one session never share them; they are reused while
 * they have more than 5 minutes left (unless the caller passes `forceRefresh`), and
 * concurrent resolutions share one call. Nothing is written to disk.
 *
 * Errors are `SsoTokenProviderError`s: those of `loadSsoConfig` and `fromSsoSession`, and
 * CREDENTIALS_FAILED for the portal's refusals. `tryNextLink` is true only where no SSO
 * configuration exists for a profile nobody named, or, with `ssoProfilesOnly`, for any
 * profile that is not an SSO profile.
 *
 * @public
 */
export function fromSsoRoleCredentials(
  init: FromSsoRoleCredentialsInit = {},
): AwsCredentialIdentityProvider {
  const now = init.now ?? Date.now;
  const cached = new Map<string, SsoRoleCredentials>();
  const pending = new Map<string, Promise<SsoRoleCredentials>>();
  const tokenProviders = new Map<string, TokenIdentityProvider>();

  function tokensFor(target: RoleTarget): TokenIdentityProvider {
    const key = JSON.stringify([
      target.profileName,
      init.ssoSession,
      target.configFilepath,
      target.filepath,
    ]);
    let tokens = tokenProviders.get(key);
    if (tokens === undefined) {
      tokens = fromSsoSession({
        profile: target.profileName,
        ssoSession: init.ssoSession,
        configFilepath: target.configFilepath,
        filepath: target.filepath,
        clientConfig: init.oidcClientConfig,
        logger: init.logger,
        refreshWindowMs: init.refreshWindowMs,
        now: init.now,
        lockTimeoutMs: init.lockTimeoutMs,
        lockStaleMs: init.lockStaleMs,
      });
      tokenProviders.set(key, tokens);
    }
    return tokens;
  }

  return async (properties: Record<string, unknown> = {}) => {
    const target = await resolveRoleTarget(init, callerProperties(properties));
    const tokens = tokensFor(target);
    // Asked on every resolution, so a token that changed on disk is the one used.
    const token = await tokens({});

    const key = cacheKey(target);
    const known = cached.get(key);
    const reusable =
      known !== undefined &&
      properties.forceRefresh !== true &&
      known.expiration.getTime() - now() > CREDENTIALS_REUSE_WINDOW_MS;
    if (reusable) return known;

    let inFlight = pending.get(key);
    if (inFlight === undefined) {
      inFlight = obtain(target, tokens, token)
        .then((credentials) => {
          cached.set(key, credentials);
          return credentials;
        })
        .finally(() => pending.delete(key));
      pending.set(key, inFlight);
    }
    return await inFlight;
  };

  async function obtain(
    target: RoleTarget,
    tokens: TokenIdentityProvider,
    token: TokenIdentity,
  ): Promise<SsoRoleCredentials> {
    try {
      return checked(target, await request(target, token));
    } catch (error) {
      if (!isUnauthorized(error)) throw wrapped(target, error);
    }

    init.logger?.debug?.(
      "sso-token-provider: the SSO portal refused the token; refreshing it and trying again",
    );
    const refreshed = await tokens({ forceRefresh: true });
    try {
      return checked(target, await request(target, refreshed));
    } catch (error) {
      throw wrapped(target, error);
    }
  }

  function request(target: RoleTarget, token: TokenIdentity): Promise<SsoRoleCredentials> {
    return requestRoleCredentials(
      {
        region: target.config.region,
        accessToken: token.token,
        accountId: target.accountId,
        roleName: target.roleName,
      },
      init.clientConfig,
    );
  }

  function checked(target: RoleTarget, credentials: SsoRoleCredentials): SsoRoleCredentials {
    if (credentials.expiration.getTime() > now()) return credentials;
    throw roleCredentialsError(
      target,
      new Error(`the credentials expired at ${credentials.expiration.toISOString()} already`),
    );
  }
}

function wrapped(target: RoleTarget, error: unknown): SsoTokenProviderError {
  return error instanceof SsoTokenProviderError ? error : roleCredentialsError(target, error);
}

/** Session (or start URL for a legacy profile), account and role: what credentials are for. */
function cacheKey(target: RoleTarget): string {
  const { config, accountId, roleName } = target;
  const session = config.kind === "session" ? `session:${config.sessionName}` : config.startUrl;
  return JSON.stringify([session, accountId, roleName]);
}
