/** Environment variable naming the shared config file (AWS CLI and SDKs). */
export const ENV_CONFIG_FILE = "AWS_CONFIG_FILE";

/** Environment variable naming the shared credentials file (AWS CLI and SDKs). */
export const ENV_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";

/**
 * The largest config or credentials file we read, in bytes (4 MiB). Real ones are a few KiB;
 * the limit keeps a path pointed at a huge file from costing memory.
 */
export const MAX_CONFIG_FILE_BYTES = 4 * 1024 * 1024;

/** How many names an error message lists before it says "and N more". */
export const MAX_NAMES_LISTED = 20;

/** Profile keys that show someone meant the profile to use SSO. */
export const SSO_PROFILE_KEYS: readonly string[] = [
  "sso_session",
  "sso_start_url",
  "sso_region",
  "sso_account_id",
  "sso_role_name",
  "sso_registration_scopes",
];

/**
 * Keys a profile may repeat from its sso-session only with the same value. The AWS CLI's
 * credential provider refuses any difference ("is inconsistent between profile and sso-session").
 */
export const SESSION_SHARED_KEYS: readonly string[] = [
  "sso_start_url",
  "sso_region",
  "sso_registration_scopes",
];

/** The fix for a missing or broken sso-session section. */
export const ADD_SESSION_HINT =
  "add a [sso-session NAME] section with sso_start_url and sso_region, " +
  "or run `aws configure sso-session`";

/** The fix for a profile without SSO settings; PROFILE stands for its name. */
export const CONFIGURE_SSO_HINT =
  "set sso_session in the profile to the name of an [sso-session NAME] section, " +
  "or run `aws configure sso --profile PROFILE`";
