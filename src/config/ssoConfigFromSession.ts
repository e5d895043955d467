import {
  checkRegion,
  checkStartUrl,
  invalidConfig,
  placeOf,
  readScopes,
  type SettingsOwner,
} from "./checkSsoSettings.js";
import { configError } from "./configError.js";
import { ADD_SESSION_HINT, SESSION_SHARED_KEYS } from "./constants.js";
import { describeNearMisses } from "./describeNearMisses.js";
import { describeQuotes } from "./describeQuotes.js";
import { describeSectionProblems } from "./describeSectionProblems.js";
import { findSessionSections, listSessionNames } from "./findSections.js";
import { formatNames } from "./formatNames.js";
import { readSettings, type Settings } from "./readSettings.js";
import type { SharedFiles } from "./SharedFiles.js";
import type { SsoConfig } from "./SsoConfig.js";

/** The profile that led to a session, when one did. */
export interface ReferringProfile {
  name: string;
  /** The profile's merged settings. */
  settings: Settings;
  /** How messages name it, e.g. `[profile dev]`. */
  label: string;
}

/**
 * Builds the SsoConfig of an `[sso-session NAME]` section: it must exist once, be read alike
 * by the AWS CLI and the AWS SDKs (see {@link describeSectionProblems}), and hold
 * `sso_start_url` and `sso_region`. When a profile led here, its `sso_account_id` and
 * `sso_role_name` are added, and any `sso_start_url`, `sso_region` or
 * `sso_registration_scopes` it sets itself must equal the session's (as the CLI demands).
 *
 * @throws SsoTokenProviderError SSO_SESSION_NOT_FOUND or SSO_CONFIG_INVALID (never skippable).
 * @internal
 */
export function ssoConfigFromSession(
  shared: SharedFiles,
  sessionName: string,
  profile?: ReferringProfile,
): SsoConfig {
  const { config } = shared;
  const sections = findSessionSections(shared, sessionName);
  const first = sections[0];
  if (!first) throw sessionNotFound(shared, sessionName, profile);

  const label = `[sso-session ${sessionName}]`;
  const quoted = `sso-session ${JSON.stringify(sessionName)}`;
  const problems = describeSectionProblems({
    kind: "sso-session",
    name: sessionName,
    label: quoted,
    file: config,
    credentialsFile: false,
    sections,
  });
  if (problems.length > 0) throw invalidConfig([`Cannot use ${quoted} as written:`, ...problems]);

  const owner: SettingsOwner = {
    label,
    place: `${config.filepath}:${first.header.number}`,
    fix: `Give ${label} both sso_start_url and sso_region, or run \`aws configure sso-session\`.`,
  };
  const settings = readSettings([{ file: config, sdk: own(shared, sessionName), sections }]);
  const startUrl = checkStartUrl(settings, owner).value;
  const region = checkRegion(settings, owner);
  const registrationScopes = readScopes(settings, owner);

  if (profile) checkProfileAgrees(profile, settings, label);

  return {
    kind: "session",
    sessionName,
    ...(profile && { profileName: profile.name }),
    startUrl,
    region,
    ...(registrationScopes && { registrationScopes }),
    ...(profile && accountAndRole(profile.settings)),
    configFilepath: config.filepath,
  };
}

/** The profile's `sso_account_id` and `sso_role_name`, when set and not empty. @internal */
export function accountAndRole(settings: Settings): Pick<SsoConfig, "accountId" | "roleName"> {
  const accountId = settings.get("sso_account_id")?.value;
  const roleName = settings.get("sso_role_name")?.value;

  return {
    ...(accountId && { accountId }),
    ...(roleName && { roleName }),
  };
}

// The SDK returns a plain object: a session named "constructor" must not find Object's.
function own(shared: SharedFiles, name: string) {
  return Object.hasOwn(shared.sdkSessions, name) ? shared.sdkSessions[name] : undefined;
}

function checkProfileAgrees(profile: ReferringProfile, session: Settings, label: string): void {
  for (const key of SESSION_SHARED_KEYS) {
    const mine = profile.settings.get(key);
    const theirs = session.get(key);
    if (!mine || !theirs || mine.value === theirs.value) continue;

    throw invalidConfig([
      `${profile.label} sets ${key} = ${JSON.stringify(mine.value)} (${placeOf(mine)}), but ` +
        `its ${label} sets ${key} = ${JSON.stringify(theirs.value)} (${placeOf(theirs)}).`,
      `Remove ${key} from ${profile.label} or make both equal; the AWS CLI refuses this too.`,
    ]);
  }
}

function sessionNotFound(shared: SharedFiles, name: string, profile?: ReferringProfile) {
  const { filepath } = shared.config;
  const reference = profile?.settings.get("sso_session");
  const intro =
    profile && reference
      ? `${profile.label} (${placeOf(reference)}) names sso_session ${JSON.stringify(name)}, ` +
        `but ${filepath} has no [sso-session ${name}] section.`
      : `The AWS config file ${filepath} has no [sso-session ${name}] section.`;

  return configError(
    "SSO_SESSION_NOT_FOUND",
    [
      intro,
      `SSO sessions found: ${formatNames(listSessionNames(shared))}.`,
      ...(reference ? describeQuotes(reference.value) : []),
      ...describeNearMisses(shared, { kind: "sso-session", name }),
      `To fix it, point sso_session at one of the sessions found, or ` +
        `${ADD_SESSION_HINT.replace("NAME", () => name)}.`,
    ],
    { profileExplicit: true },
  );
}
