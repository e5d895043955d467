/**
 * Where a token's SSO settings come from, as read from the shared config file.
 *
 * @public
 */
export interface SsoConfig {
  /**
   * "session": an [sso-session NAME] section; "legacy": sso_start_url/sso_region in the profile.
   */
  kind: "session" | "legacy";
  /** The sso-session name (kind "session"). */
  sessionName?: string;
  /** The profile through which it was reached, if any. */
  profileName?: string;
  startUrl: string;
  region: string;
  /**
   * sso_registration_scopes: comma-separated, trimmed, empties dropped; undefined when not set.
   * Read from the sso-session section only: the AWS CLI ignores it for legacy profiles, whose
   * registrations carry no scopes.
   */
  registrationScopes?: string[];
  /** sso_account_id / sso_role_name of the profile, when present (used for role credentials). */
  accountId?: string;
  roleName?: string;
  /**
   * The config file it came from: the config file for a session; for a legacy profile, the
   * file that holds its sso_start_url (the credentials file can, though it rarely does).
   */
  configFilepath: string;
}
