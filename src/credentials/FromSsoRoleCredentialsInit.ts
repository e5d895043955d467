import type { Logger } from "@aws-sdk/types";

import type { SsoOidcClientConfig } from "../refresh/index.js";
import type { SsoPortalClientConfig } from "./SsoPortalClientConfig.js";

/**
 * Options of {@link fromSsoRoleCredentials}, named as the AWS SDK names such things.
 *
 * @public
 */
export interface FromSsoRoleCredentialsInit {
  /**
   * The profile whose `sso_session` (or legacy `sso_start_url`), `sso_account_id` and
   * `sso_role_name` are used. Default: the profile the SDK client passes with each call,
   * then `AWS_PROFILE`, then `default`.
   */
  profile?: string;
  /**
   * Names the `[sso-session NAME]` section directly; `profile` is then not consulted, so
   * `accountId` and `roleName` must be given.
   */
  ssoSession?: string;
  /** The account to get credentials for. Default: the profile's `sso_account_id`. */
  accountId?: string;
  /** The role to get credentials for. Default: the profile's `sso_role_name`. */
  roleName?: string;
  /** The shared config file. Default: `AWS_CONFIG_FILE`, then `~/.aws/config`. */
  configFilepath?: string;
  /**
   * The shared credentials file, merged as the SDK merges it. Default:
   * `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials`.
   */
  filepath?: string;
  /**
   * Options of the SSO portal client that sends GetRoleCredentials (endpoint,
   * requestHandler, ...). Default: none; `AWS_ENDPOINT_URL_SSO` is honoured.
   */
  clientConfig?: SsoPortalClientConfig;
  /**
   * Options of the SSO OIDC client that refreshes the token (`clientConfig` of
   * `fromSsoSession`). Default: none; `AWS_ENDPOINT_URL_SSO_OIDC` is honoured.
   */
  oidcClientConfig?: SsoOidcClientConfig;
  /**
   * When true, a profile that is no SSO profile for the SDK fails with `tryNextLink`, so a
   * credential chain moves on: a profile without SSO settings, a missing profile or config
   * file, and a profile the SDK's `fromIni` resolves another way before SSO (static keys,
   * `role_arn` with `source_profile` or `credential_source`, `web_identity_token_file`,
   * `credential_process`). Default false: such a profile, when named, is an error.
   */
  ssoProfilesOnly?: boolean;
  /**
   * Receives debug lines and warnings; never a secret. Default: warnings go to
   * `process.emitWarning`, nothing else is logged.
   */
  logger?: Logger;
  /** The token is refreshed once it has less than this left. Default 5 minutes. */
  refreshWindowMs?: number;
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** How long to wait for another process's token refresh or login. Default 10 seconds. */
  lockTimeoutMs?: number;
  /** A token lock not updated for this long is taken over. Default 10 seconds. */
  lockStaleMs?: number;
}

/**
 * Cached role credentials are reused while they have more than this left, the window in
 * which SDK clients ask for new credentials. @internal
 */
export const CREDENTIALS_REUSE_WINDOW_MS = 5 * 60_000;
