/**
 * Stable codes carried by every {@link SsoTokenProviderError}, so callers can branch on the
 * failure without parsing messages.
 *
 * @public
 */
export type ErrorCode =
  /** The shared config file does not exist. */
  | "CONFIG_FILE_NOT_FOUND"
  /** The shared config (or credentials) file exists but cannot be read. */
  | "CONFIG_FILE_UNREADABLE"
  /** The named profile is in neither the config nor the credentials file. */
  | "PROFILE_NOT_FOUND"
  /** The profile has no SSO settings (`sso_session` or legacy `sso_start_url`). */
  | "PROFILE_NOT_SSO"
  /** The `[sso-session NAME]` section is missing. */
  | "SSO_SESSION_NOT_FOUND"
  /** A required key (`sso_start_url`, `sso_region`, ...) is missing or invalid. */
  | "SSO_CONFIG_INVALID"
  /** The cached token file does not exist: nobody has logged in yet. */
  | "TOKEN_NOT_FOUND"
  /** The cached token file exists but is not a valid token record. */
  | "TOKEN_FILE_INVALID"
  /** The cached token file or its folder cannot be read or written for lack of permission. */
  | "TOKEN_FILE_PERMISSION"
  /** The cached token file belongs to another user. */
  | "TOKEN_FILE_FOREIGN_OWNER"
  /** The token has expired and cannot be refreshed. */
  | "TOKEN_EXPIRED"
  /** The token cannot be refreshed because the client registration has expired. */
  | "REGISTRATION_EXPIRED"
  /** CreateToken failed or answered with something unusable. */
  | "REFRESH_FAILED"
  /** The session's lock could not be taken in time. */
  | "LOCK_TIMEOUT"
  /** A login holds the session's lock and no valid token is available meanwhile. */
  | "LOGIN_IN_PROGRESS"
  /** A login flow failed (denied, expired, timed out, bad callback). */
  | "LOGIN_FAILED"
  /** Role credentials could not be obtained from the SSO portal. */
  | "CREDENTIALS_FAILED"
  /** The emulator was given an invalid option or fault description. */
  | "EMULATOR_INVALID_USAGE"
  /** The emulator could not start listening (for example, the port is taken). */
  | "EMULATOR_START_FAILED"
  /** `AWS_BEARER_TOKEN_<SIGNING NAME>` is set but empty. */
  | "BEARER_TOKEN_ENV_EMPTY";
