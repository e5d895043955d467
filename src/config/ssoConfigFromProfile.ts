import {
  checkRegion,
  checkStartUrl,
  invalidConfig,
  placeOf,
  type SettingsOwner,
} from "./checkSsoSettings.js";
import { configError } from "./configError.js";
import { CONFIGURE_SSO_HINT, SSO_PROFILE_KEYS } from "./constants.js";
import { describeNearMisses } from "./describeNearMisses.js";
import { describeSectionProblems } from "./describeSectionProblems.js";
import {
  findProfileSections,
  listProfileNames,
  listSessionNames,
  type ProfileSections,
} from "./findSections.js";
import { formatNames } from "./formatNames.js";
import { readSettings, type Settings, type SettingsLayer } from "./readSettings.js";
import type { SharedFile, SharedFiles } from "./SharedFiles.js";
import type { SsoConfig } from "./SsoConfig.js";
import { accountAndRole, ssoConfigFromSession } from "./ssoConfigFromSession.js";

/**
 * Builds the SsoConfig of a profile: through its `sso_session` (see
 * {@link ssoConfigFromSession}), or, when it has no `sso_session`, from its own
 * `sso_start_url` and `sso_region` (a legacy profile). The profile's sections in both files
 * must be read alike by the AWS CLI and the AWS SDKs (see {@link describeSectionProblems}).
 *
 * @param profileExplicit - Whether the user named the profile: when not, PROFILE_NOT_FOUND
 *   and PROFILE_NOT_SSO let a chain move on (`tryNextLink`).
 * @throws SsoTokenProviderError PROFILE_NOT_FOUND, PROFILE_NOT_SSO, SSO_SESSION_NOT_FOUND,
 *   SSO_CONFIG_INVALID, or CONFIG_FILE_UNREADABLE (when the profile is not in the config file
 *   and the credentials file, which might hold it, cannot be read).
 * @internal
 */
export function ssoConfigFromProfile(
  shared: SharedFiles,
  name: string,
  profileExplicit: boolean,
): SsoConfig {
  const sections = findProfileSections(shared, name);
  if (sections.config.length === 0 && sections.credentials.length === 0) {
    throw profileNotFound(shared, name, profileExplicit);
  }

  const label = profileLabel(shared, name, sections);
  const quoted = `profile ${JSON.stringify(name)}`;
  const problems = [
    ...describeSectionProblems({
      kind: "profile",
      name,
      label: quoted,
      file: shared.config,
      credentialsFile: false,
      sections: sections.config,
    }),
    ...(shared.credentials
      ? describeSectionProblems({
          kind: "profile",
          name,
          label: quoted,
          file: shared.credentials,
          credentialsFile: true,
          sections: sections.credentials,
        })
      : []),
  ];
  if (problems.length > 0) throw invalidConfig([`Cannot use ${quoted} as written:`, ...problems]);

  const settings = readSettings(profileLayers(shared, name, sections));
  const sessionRef = settings.get("sso_session");
  if (sessionRef) {
    if (sessionRef.value === "") {
      throw invalidConfig([
        `sso_session in ${label} (${placeOf(sessionRef)}) is empty.`,
        `SSO sessions found: ${formatNames(listSessionNames(shared))}.`,
        `Set it to the name of an [sso-session NAME] section.`,
      ]);
    }
    return ssoConfigFromSession(shared, sessionRef.value, { name, settings, label });
  }

  const ssoKeys = SSO_PROFILE_KEYS.filter((key) => settings.get(key) !== undefined);
  if (ssoKeys.length === 0) throw profileNotSso(shared, name, label, sections, profileExplicit);

  return legacyConfig(shared, name, label, settings, ssoKeys);
}

/**
 * The profile's layers for {@link readSettings}: the config file's section, then the
 * credentials file's over it, key by key, as the AWS CLI and the SDK's `parseKnownFiles`
 * merge them.
 */
function profileLayers(
  shared: SharedFiles,
  name: string,
  sections: ProfileSections,
): SettingsLayer[] {
  const layers: SettingsLayer[] = [
    { file: shared.config, sdk: own(shared.config, name), sections: sections.config },
  ];
  if (shared.credentials) {
    const file = shared.credentials;
    layers.push({ file, sdk: own(file, name), sections: sections.credentials });
  }
  return layers;
}

// The SDK returns plain objects: a profile named "constructor" must not find Object's.
function own(file: SharedFile, name: string) {
  return Object.hasOwn(file.sdkProfiles, name) ? file.sdkProfiles[name] : undefined;
}

function legacyConfig(
  shared: SharedFiles,
  name: string,
  label: string,
  settings: Settings,
  ssoKeys: string[],
): SsoConfig {
  const anchor = settings.get("sso_start_url") ?? settings.get(ssoKeys[0] as string);
  const owner: SettingsOwner = {
    label,
    place: anchor ? placeOf(anchor) : shared.config.filepath,
    fix:
      `${label} sets ${ssoKeys.join(", ")} but is not a complete SSO profile. Either set ` +
      "sso_session to an [sso-session NAME] section that holds sso_start_url and sso_region, " +
      "or give the profile both sso_start_url and sso_region; `aws configure sso` does this.",
  };

  const start = checkStartUrl(settings, owner);
  const region = checkRegion(settings, owner);

  return {
    kind: "legacy",
    profileName: name,
    startUrl: start.value,
    region,
    ...accountAndRole(settings),
    configFilepath: start.filepath,
  };
}

/** `[profile dev]`, `[default]`, or `[dev] of the credentials file`, as the user wrote it. */
function profileLabel(shared: SharedFiles, name: string, sections: ProfileSections): string {
  const fromConfig = sections.config[sections.config.length - 1];
  if (fromConfig) return `[${fromConfig.name}]`;

  return `[${name}] of the credentials file ${shared.paths.credentialsFilepath}`;
}

function profileNotFound(shared: SharedFiles, name: string, profileExplicit: boolean) {
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
      `Profiles found: ${formatNames(listProfileNames(shared))}.`,
      ...describeNearMisses(shared, { kind: "profile", name }),
      `Add a [${name === "default" ? "default" : `profile ${name}`}] section to ` +
        `${configFilepath} (\`aws configure sso --profile ${name}\` writes one), or use one ` +
        "of the profiles found.",
    ],
    { profileExplicit },
  );
}

function profileNotSso(
  shared: SharedFiles,
  name: string,
  label: string,
  sections: ProfileSections,
  profileExplicit: boolean,
) {
  const where = sections.config.length > 0 ? ` in ${shared.config.filepath}` : "";

  return configError(
    "PROFILE_NOT_SSO",
    [
      `${label}${where} has no SSO settings: it sets neither sso_session nor sso_start_url.`,
      `SSO sessions found: ${formatNames(listSessionNames(shared))}.`,
      `To use SSO with it, ${CONFIGURE_SSO_HINT.replace("PROFILE", () => name)}.`,
    ],
    { profileExplicit },
  );
}
