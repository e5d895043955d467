import type { ConfigValues } from "./ConfigValue.js";
import { configError } from "./configError.js";
import {
  checkRegion,
  checkStartUrl,
  invalidConfig,
  placeOf,
  readScopes,
  type SettingsOwner,
} from "./checkSsoSettings.js";
import { ADD_SESSION_HINT, SESSION_SHARED_KEYS } from "./constants.js";
import { describeNearMisses } from "./describeNearMisses.js";
import { describeProblems } from "./describeProblems.js";
import { describeValueOddities } from "./describeValueOddities.js";
import { formatNames } from "./formatNames.js";
import { sessionValues } from "./sectionValues.js";
import type { SharedConfig } from "./SharedConfig.js";
import type { SsoConfig } from "./SsoConfig.js";

/** The profile that led to a session, when one did. */
export interface ReferringProfile {
  name: string;
  /** The profile's merged settings. */
  values: ConfigValues;
  /** How messages name it, e.g. `[profile dev]`. */
  label: string;
}

/**
 * Builds the SsoConfig of an `[sso-session NAME]` section: it must exist once, be readable
 * by the AWS CLI, and hold `sso_start_url` and `sso_region`. When a profile led here, its
 * `sso_account_id`/`sso_role_name` are added, and any `sso_start_url`, `sso_region` or
 * `sso_registration_scopes` it sets itself must equal the session's (as the CLI demands).
 *
 * @throws SsoTokenProviderError SSO_SESSION_NOT_FOUND or SSO_CONFIG_INVALID (never skippable).
 * @internal
 */
export function ssoConfigFromSession(
  shared: SharedConfig,
  sessionName: string,
  profile?: ReferringProfile,
): SsoConfig {
  const { configFilepath } = shared.paths;
  const sections = shared.sessions.get(sessionName);
  if (!sections) throw sessionNotFound(shared, sessionName, profile);

  const label = `[sso-session ${sessionName}]`;
  const quoted = `sso-session ${JSON.stringify(sessionName)}`;
  const problems = describeProblems(shared, { label: quoted, config: sections, credentials: [] });
  if (problems.length > 0) {
    throw invalidConfig([`The AWS CLI cannot read ${quoted} as written:`, ...problems]);
  }

  const section = sections[0];
  const owner: SettingsOwner = {
    label,
    place: `${configFilepath}:${section.line}`,
    fix: `Give ${label} both sso_start_url and sso_region, or run \`aws configure sso-session\`.`,
  };
  const values = sessionValues(shared, sections);
  const startUrl = checkStartUrl(values, owner);
  const region = checkRegion(values, owner);
  const registrationScopes = readScopes(values, owner);

  if (profile) checkProfileAgrees(profile, values, label);

  return {
    kind: "session",
    sessionName,
    ...(profile && { profileName: profile.name }),
    startUrl,
    region,
    ...(registrationScopes && { registrationScopes }),
    ...(profile && accountAndRole(profile.values)),
    configFilepath,
  };
}

/** The profile's `sso_account_id` and `sso_role_name`, when set and not empty. @internal */
export function accountAndRole(values: ConfigValues): Pick<SsoConfig, "accountId" | "roleName"> {
  const accountId = values.get("sso_account_id")?.value;
  const roleName = values.get("sso_role_name")?.value;

  return {
    ...(accountId && { accountId }),
    ...(roleName && { roleName }),
  };
}

function checkProfileAgrees(
  profile: ReferringProfile,
  session: ConfigValues,
  label: string,
): void {
  for (const key of SESSION_SHARED_KEYS) {
    const own = profile.values.get(key);
    const shared = session.get(key);
    if (!own || !shared || own.value === shared.value) continue;

    throw invalidConfig([
      `${profile.label} sets ${key} = ${JSON.stringify(own.value)} (${placeOf(own)}), but its ` +
        `${label} sets ${key} = ${JSON.stringify(shared.value)} (${placeOf(shared)}).`,
      `Remove ${key} from ${profile.label} or make both equal; the AWS CLI refuses this too.`,
    ]);
  }
}

function sessionNotFound(shared: SharedConfig, name: string, profile?: ReferringProfile) {
  const { configFilepath } = shared.paths;
  const reference = profile?.values.get("sso_session");
  const intro = profile && reference
    ? `${profile.label} (${placeOf(reference)}) names sso_session ${JSON.stringify(name)}, ` +
      `but ${configFilepath} has no [sso-session ${name}] section.`
    : `The AWS config file ${configFilepath} has no [sso-session ${name}] section.`;

  return configError(
    "SSO_SESSION_NOT_FOUND",
    [
      intro,
      `SSO sessions found: ${formatNames(shared.sessions.keys())}.`,
      ...(reference ? describeValueOddities("sso_session", reference.value) : []),
      ...describeNearMisses(shared, { kind: "sso-session", name }),
      `To fix it, point sso_session at one of the sessions found, or ` +
        `${ADD_SESSION_HINT.replace("NAME", () => name)}.`,
    ],
    { profileExplicit: true },
  );
}
