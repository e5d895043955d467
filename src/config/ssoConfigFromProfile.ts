import { configError } from "./configError.js";
import type { ConfigValues } from "./ConfigValue.js";
import {
  checkRegion,
  checkStartUrl,
  invalidConfig,
  placeOf,
  type SettingsOwner,
} from "./checkSsoSettings.js";
import { CONFIGURE_SSO_HINT, SSO_PROFILE_KEYS } from "./constants.js";
import { describeNearMisses } from "./describeNearMisses.js";
import { describeProblems } from "./describeProblems.js";
import { formatNames } from "./formatNames.js";
import { profileValues } from "./sectionValues.js";
import type { ProfileSections, SharedConfig } from "./SharedConfig.js";
import type { SsoConfig } from "./SsoConfig.js";
import { accountAndRole, ssoConfigFromSession } from "./ssoConfigFromSession.js";

/**
 * Builds the SsoConfig of a profile: through its `sso_session` (see
 * {@link ssoConfigFromSession}), or, when it has no `sso_session`, from its own
 * `sso_start_url` and `sso_region` (a legacy profile).
 *
 * @param profileExplicit - Whether the user named the profile: when not, PROFILE_NOT_FOUND
 *   and PROFILE_NOT_SSO let a chain move on (`tryNextLink`).
 * @throws SsoTokenProviderError PROFILE_NOT_FOUND, PROFILE_NOT_SSO, SSO_SESSION_NOT_FOUND,
 *   SSO_CONFIG_INVALID, or CONFIG_FILE_UNREADABLE (when the profile is not in the config file
 *   and the credentials file, which might hold it, cannot be read).
 * @internal
 */
export function ssoConfigFromProfile(
  shared: SharedConfig,
  name: string,
  profileExplicit: boolean,
): SsoConfig {
  const sections = shared.profiles.get(name);
  if (!sections) throw profileNotFound(shared, name, profileExplicit);

  const label = profileLabel(shared, name, sections);
  const quoted = `profile ${JSON.stringify(name)}`;
  const problems = describeProblems(shared, { label: quoted, ...sections });
  if (problems.length > 0) {
    throw invalidConfig([`The AWS CLI cannot read ${quoted} as written:`, ...problems]);
  }

  const values = profileValues(shared, sections);
  const sessionRef = values.get("sso_session");
  if (sessionRef) {
    if (sessionRef.value === "") {
      throw invalidConfig([
        `sso_session in ${label} (${placeOf(sessionRef)}) is empty.`,
        `SSO sessions found: ${formatNames(shared.sessions.keys())}.`,
        `Set it to the name of an [sso-session NAME] section.`,
      ]);
    }
    return ssoConfigFromSession(shared, sessionRef.value, { name, values, label });
  }

  const ssoKeys = SSO_PROFILE_KEYS.filter((key) => values.has(key));
  if (ssoKeys.length === 0) throw profileNotSso(shared, name, label, sections, profileExplicit);

  return legacyConfig(shared, name, label, values, ssoKeys);
}

function legacyConfig(
  shared: SharedConfig,
  name: string,
  label: string,
  values: ConfigValues,
  ssoKeys: string[],
): SsoConfig {
  const startSetting = values.get("sso_start_url");
  const anchor = startSetting ?? values.get(ssoKeys[0] as string);
  const owner: SettingsOwner = {
    label,
    place: anchor ? placeOf(anchor) : shared.paths.configFilepath,
    fix:
      `${label} sets ${ssoKeys.join(", ")} but is not a complete SSO profile. Either set ` +
      "sso_session to an [sso-session NAME] section that holds sso_start_url and sso_region, " +
      "or give the profile both sso_start_url and sso_region; `aws configure sso` does this.",
  };

  const startUrl = checkStartUrl(values, owner);
  const region = checkRegion(values, owner);

  return {
    kind: "legacy",
    profileName: name,
    startUrl,
    region,
    ...accountAndRole(values),
    configFilepath: startSetting?.filepath ?? shared.paths.configFilepath,
  };
}

/** `[profile dev]`, `[default]`, or `[dev] of the credentials file`, as the user wrote it. */
function profileLabel(shared: SharedConfig, name: string, sections: ProfileSections): string {
  const fromConfig = sections.config[sections.config.length - 1];
  if (fromConfig) return `[${fromConfig.header}]`;

  return `[${name}] of the credentials file ${shared.paths.credentialsFilepath}`;
}

function profileNotFound(shared: SharedConfig, name: string, profileExplicit: boolean) {
  const { configFilepath, credentialsFilepath } = shared.paths;

  if (shared.credentialsUnreadable) {
    return configError(
      "CONFIG_FILE_UNREADABLE",
      [
        `Profile ${JSON.stringify(name)} is not in the AWS config file ${configFilepath}, and ` +
          `the credentials file ${credentialsFilepath}, which might hold it, cannot be read: ` +
          `${shared.credentialsUnreadable.reason}.`,
        "Make that file readable by this user, or set AWS_SHARED_CREDENTIALS_FILE to " +
          "another file.",
      ],
      { profileExplicit, cause: shared.credentialsUnreadable.cause },
    );
  }

  const credentialsNote = shared.credentials ? "" : " (which does not exist)";
  return configError(
    "PROFILE_NOT_FOUND",
    [
      `Profile ${JSON.stringify(name)} is not in the AWS config file ${configFilepath}, nor in ` +
        `the credentials file ${credentialsFilepath}${credentialsNote}.`,
      `Profiles found: ${formatNames(shared.profiles.keys())}.`,
      ...describeNearMisses(shared, { kind: "profile", name }),
      `Add a [${name === "default" ? "default" : `profile ${name}`}] section to ` +
        `${configFilepath} (\`aws configure sso --profile ${name}\` writes one), or use one ` +
        "of the profiles found.",
    ],
    { profileExplicit },
  );
}

function profileNotSso(
  shared: SharedConfig,
  name: string,
  label: string,
  sections: ProfileSections,
  profileExplicit: boolean,
) {
  const where = sections.config.length > 0 ? ` in ${shared.paths.configFilepath}` : "";

  return configError(
    "PROFILE_NOT_SSO",
    [
      `${label}${where} has no SSO settings: it sets neither sso_session nor sso_start_url.`,
      `SSO sessions found: ${formatNames(shared.sessions.keys())}.`,
      `To use SSO with it, ${CONFIGURE_SSO_HINT.replace("PROFILE", () => name)}.`,
    ],
    { profileExplicit },
  );
}
