import type { ConfigValues } from "./ConfigValue.js";
import { SESSION_SHARED_KEYS, SSO_PROFILE_KEYS } from "./constants.js";
import type { SdkReading, SdkSection } from "./readSdkReading.js";

/** What was resolved, as we (following the AWS CLI) read it. */
export interface ResolvedSettings {
  profileName?: string;
  /** The profile's settings; undefined when we did not find the profile. */
  profile?: ConfigValues;
  sessionName?: string;
  /** The session's settings; undefined when we did not find the session. */
  session?: ConfigValues;
}

const SDK = "The AWS SDK for JavaScript";

/**
 * Compares our reading (the AWS CLI's) of a profile and its session with the SDK's reading,
 * and says in one sentence per difference what the SDK sees instead: a section it does not
 * find, or an SSO setting it reads otherwise (an inline comment it strips, a key in capitals
 * or after `:` it misses, an indented line it takes for a setting, a `[DEFAULT]` it ignores).
 *
 * @internal
 */
export function describeSdkDifferences(sdk: SdkReading, ours: ResolvedSettings): string[] {
  const notes: string[] = [];

  if (ours.profileName !== undefined) {
    const label = `profile ${JSON.stringify(ours.profileName)}`;
    const theirs = sdk.profile(ours.profileName);
    notes.push(...compareSection(label, ours.profile, theirs, SSO_PROFILE_KEYS));
  }

  if (ours.sessionName !== undefined) {
    const label = `sso-session ${JSON.stringify(ours.sessionName)}`;
    const theirs = sdk.session(ours.sessionName);
    notes.push(...compareSection(label, ours.session, theirs, SESSION_SHARED_KEYS));
  }

  return notes;
}

function compareSection(
  label: string,
  ours: ConfigValues | undefined,
  theirs: SdkSection | undefined,
  keys: readonly string[],
): string[] {
  if (ours && !theirs) return [`${SDK} does not find ${label} in these files.`];
  if (!ours && theirs) return [`${SDK} does find ${label}, where the AWS CLI does not.`];
  if (!ours || !theirs) return [];

  const notes: string[] = [];
  for (const key of keys) {
    const mine = ours.get(key)?.value;
    const sdkValue = Object.hasOwn(theirs, key) ? theirs[key] : undefined;
    if (mine === sdkValue) continue;

    notes.push(`${SDK} reads ${key} of ${label} as ${show(sdkValue)}, not ${show(mine)}.`);
  }

  return notes;
}

function show(value: string | undefined): string {
  return value === undefined ? "unset" : JSON.stringify(value);
}
