import { loadSsoConfig, resolveProfileName, type SsoConfig } from "../config/index.js";
import type { CallerProperties } from "../chains/index.js";
import { SsoTokenProviderError } from "../errors/index.js";
import { describeSdkCredentialSource } from "./describeSdkCredentialSource.js";
import type { FromSsoRoleCredentialsInit } from "./FromSsoRoleCredentialsInit.js";
import { readSdkProfile } from "./readSdkProfile.js";

/** Which role credentials one resolution asks for, and where its settings came from. @internal */
export interface RoleTarget {
  config: SsoConfig;
  /** The profile, unless the session was named directly. */
  profileName?: string;
  configFilepath?: string;
  filepath?: string;
  accountId: string;
  roleName: string;
}

/**
 * Finds the session, account and role of one resolution: the profile (`init.profile`, the
 * caller's, `AWS_PROFILE`, `default`) or `init.ssoSession`, its SSO settings through
 * `loadSsoConfig` (which also refuses a profile whose `sso_start_url`, `sso_region` or scopes
 * differ from its session's), and `sso_account_id`/`sso_role_name` unless the options give
 * them.
 *
 * @throws SsoTokenProviderError from `loadSsoConfig`; with `ssoProfilesOnly`, PROFILE_NOT_SSO
 *   with `tryNextLink` for a profile the SDK resolves another way; SSO_CONFIG_INVALID when
 *   the account or role is missing.
 * @internal
 */
export async function resolveRoleTarget(
  init: FromSsoRoleCredentialsInit,
  caller: CallerProperties,
): Promise<RoleTarget> {
  const configFilepath = init.configFilepath ?? caller.configFilepath;
  const filepath = init.filepath ?? caller.filepath;
  const profile = init.ssoSession
    ? undefined
    : resolveProfileName({ profile: init.profile, callerProfile: caller.profile });

  let config: SsoConfig | undefined;
  let failure: unknown;
  try {
    config = await loadSsoConfig({
      profile: profile?.name,
      // In a chain, a profile that is no SSO profile is the next provider's, named or not.
      profileExplicit: init.ssoProfilesOnly ? false : profile?.explicit,
      ssoSession: init.ssoSession,
      configFilepath,
      filepath,
    });
  } catch (error) {
    if (!init.ssoProfilesOnly || (error as { tryNextLink?: boolean }).tryNextLink) throw error;
    failure = error;
  }

  // Asked after loadSsoConfig, which has checked the files; a profile the SDK resolves
  // another way is the SDK's even when its SSO settings are broken.
  if (init.ssoProfilesOnly && profile !== undefined) {
    await checkSdkTakesSso(profile.name, configFilepath, filepath);
  }
  if (config === undefined) throw failure;

  const accountId = init.accountId ?? config.accountId;
  const roleName = init.roleName ?? config.roleName;
  if (accountId === undefined || roleName === undefined) {
    throw missingRole(config, init, { accountId, roleName });
  }
  return { config, profileName: profile?.name, configFilepath, filepath, accountId, roleName };
}

async function checkSdkTakesSso(
  profileName: string,
  configFilepath: string | undefined,
  filepath: string | undefined,
): Promise<void> {
  const source = describeSdkCredentialSource(
    await readSdkProfile(profileName, { configFilepath, filepath }),
  );
  if (source === undefined) return;

  throw new SsoTokenProviderError(
    `Profile ${JSON.stringify(profileName)} sets ${source}, so the SDK's fromIni gets its ` +
      "credentials that way before any SSO setting; it is left to the next provider.",
    { code: "PROFILE_NOT_SSO", tryNextLink: true },
  );
}

function missingRole(
  config: SsoConfig,
  init: FromSsoRoleCredentialsInit,
  found: { accountId?: string; roleName?: string },
): SsoTokenProviderError {
  const missing = [
    found.accountId === undefined ? "sso_account_id" : "",
    found.roleName === undefined ? "sso_role_name" : "",
  ]
    .filter(Boolean)
    .join(" and ");

  const message =
    config.profileName !== undefined
      ? `Profile ${JSON.stringify(config.profileName)} in ${config.configFilepath} has no ` +
        `${missing}, which role credentials need (its SSO token alone serves bearer-token ` +
        `services). Add ${missing} to it (\`aws configure sso --profile ` +
        `${config.profileName}\` writes them), or pass the accountId and roleName options.`
      : `fromSsoRoleCredentials({ ssoSession: ${JSON.stringify(init.ssoSession)} }) needs ` +
        "the accountId and roleName options: an sso-session names no account or role.";
  return new SsoTokenProviderError(message, { code: "SSO_CONFIG_INVALID" });
}
