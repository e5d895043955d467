import type { Logger } from "@aws-sdk/types";

import type { SsoOidcClientConfig } from "../refresh/index.js";

/**
 * Options of {@link fromSsoSession}, named as the AWS SDK names such things.
 *
 * @public
 */
export interface FromSsoSessionInit {
  /**
   * The profile whose `sso_session` (or legacy `sso_start_url`) is used. Default: the profile
   * the SDK client passes with each call, then `AWS_PROFILE`, then `default`.
   */
  profile?: string;
  /** Names the `[sso-session NAME]` section directly; `profile` is then not consulted. */
  ssoSession?: string;
  /** The shared config file. Default: `AWS_CONFIG_FILE`, then `~/.aws/config`. */
  configFilepath?: string;
  /**
   * The shared credentials file, merged as the SDK merges it. Default:
   * `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials`.
   */
  filepath?: string;
  /** Options of the SSO OIDC client that refreshes the token (endpoint, requestHandler, ...). */
  clientConfig?: SsoOidcClientConfig;
  /**
   * Receives debug lines and warnings; never a secret. Default: warnings go to
   * `process.emitWarning`, nothing else is logged.
   */
  logger?: Logger;
  /** Refresh once the token has less than this left. Default 5 minutes. */
  refreshWindowMs?: number;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /**
   * How long to wait for another process's refresh or login. Default 15 seconds: longer than
   * the default `lockStaleMs`, so a waiter outlives the lock of a process that was killed.
   */
  lockTimeoutMs?: number;
  /**
   * A lock not updated for this long belongs to a dead process and is taken over.
   * Default 10 seconds; proper-lockfile allows no less than 2 seconds.
   */
  lockStaleMs?: number;
}

/** The defaults of {@link FromSsoSessionInit}. @internal */
export const DEFAULT_REFRESH_WINDOW_MS = 5 * 60_000;
/** @internal */
export const DEFAULT_LOCK_TIMEOUT_MS = 15_000;
/** @internal */
export const DEFAULT_LOCK_STALE_MS = 10_000;
/** After a failed refresh, the same session is not tried again for this long. @internal */
export const REFRESH_RETRY_DELAY_MS = 30_000;
/** SDK clients call a token provider again only this long before `expiration`. @internal */
export const SDK_TOKEN_REFRESH_WINDOW_MS = 5 * 60_000;
