import { SsoTokenProviderError } from "../errors/index.js";
import type { ConfigValues } from "./ConfigValue.js";
import { describeSdkDifferences, type ResolvedSettings } from "./describeSdkDifferences.js";
import { readSdkReading } from "./readSdkReading.js";
import { readSharedConfig } from "./readSharedConfig.js";
import { resolveConfigFilepaths } from "./resolveConfigFilepaths.js";
import { resolveProfileName } from "./resolveProfileName.js";
import { profileValues, sessionValues } from "./sectionValues.js";
import type { SharedConfig } from "./SharedConfig.js";
import type { SsoConfig } from "./SsoConfig.js";
import { ssoConfigFromProfile } from "./ssoConfigFromProfile.js";
import { ssoConfigFromSession } from "./ssoConfigFromSession.js";

/** Options of {@link loadSsoConfig}. */
export interface LoadSsoConfigInit {
  /**
   * The profile name already chosen by the caller. Default: {@link resolveProfileName} over
   * `env` (`AWS_PROFILE`, else "default").
   */
  profile?: string;
  /**
   * True when the user named the profile (an option or `AWS_PROFILE`): then no failure lets a
   * chain move on. Default: true when `profile` is given, else as {@link resolveProfileName}
   * decides (false for the "default" fallback).
   */
  profileExplicit?: boolean;
  /** Names the sso-session directly; `profile` is then ignored and no failure is skippable. */
  ssoSession?: string;
  /** The config file. Default `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  configFilepath?: string;
  /** The credentials file. Default `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  filepath?: string;
  /** The environment to read. Default `process.env` (tests pass their own). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Finds the SSO settings of a profile (through its `sso_session`, or its own legacy
 * `sso_start_url`/`sso_region`) or of a named sso-session, reading the shared config and
 * credentials files fresh on every call. Files are never modified.
 *
 * **Whose reading.** The files are read as the AWS CLI reads them, because the CLI wrote them
 * and `aws sso login` keyed its token cache on what it read: Python configparser rules (no
 * inline comments: `sso_region = us-east-1 # x` is refused as a region; `:` separates like
 * `=`; key names in any case; indented lines continue the value above; `[DEFAULT]` entries
 * apply to every section; `\r\n` and lone `\r` end lines) and botocore's section names
 * (`[profile NAME]` and `[sso-session NAME]` split like a shell line, so `[sso-session  x ]`
 * is session `x` and `[ profile dev]` is nothing; `[default]` is profile "default"). The
 * credentials file is merged over the config file key by key, as both the CLI and the SDK do.
 * The SDK's own parser (`@smithy/shared-ini-file-loader`, called with these paths and
 * `ignoreCache: true`) is consulted too; where it reads the same settings differently, the
 * result's `sdkDifferences`, or the error message, says how. Two deliberate differences from
 * the CLI: a UTF-8 byte order mark is ignored, and bytes that are not UTF-8 are replaced
 * rather than refusing the file.
 *
 * **Files the CLI refuses.** The CLI refuses a whole file that repeats a section or an entry,
 * or has a line that is no entry. Our rule: such a problem is an SSO_CONFIG_INVALID error
 * (naming the file, lines and sections) only when it is in a section being resolved (the
 * profile's sections in either file, the session's section) or in a `[DEFAULT]` section that
 * feeds one; elsewhere it is ignored, as the SDKs ignore it. Two headers that name the same
 * profile or session (`[default]` and `[profile default]`, `[profile dev]` and
 * `[profile "dev"]`) count as a repeat, since the CLI and the SDK pick different ones.
 *
 * **Checks.** A session (and a legacy profile) needs `sso_start_url` (one word, unquoted) and
 * `sso_region` (a region name). A profile that names an `sso_session` may repeat
 * `sso_start_url`, `sso_region` or `sso_registration_scopes` only with the session's values.
 * An empty `sso_session` is invalid.
 *
 * **Errors.** Every failure is an `SsoTokenProviderError` whose message names the file, the
 * section or key, what does exist, and the fix: CONFIG_FILE_NOT_FOUND, CONFIG_FILE_UNREADABLE,
 * PROFILE_NOT_FOUND, PROFILE_NOT_SSO, SSO_SESSION_NOT_FOUND, SSO_CONFIG_INVALID. Only
 * PROFILE_NOT_SSO, CONFIG_FILE_NOT_FOUND and PROFILE_NOT_FOUND, and only when the profile was
 * not explicit, have `tryNextLink: true`. A missing credentials file is not an error; an
 * unreadable one is only when the profile is not in the config file (CONFIG_FILE_UNREADABLE).
 *
 * @public
 */
export async function loadSsoConfig(init: LoadSsoConfigInit): Promise<SsoConfig> {
  const env = init.env ?? process.env;
  const paths = resolveConfigFilepaths({
    configFilepath: init.configFilepath,
    filepath: init.filepath,
    env,
  });

  const sessionName = init.ssoSession || undefined;
  const profile = sessionName === undefined ? chooseProfile(init, env) : undefined;
  const explicit = profile?.explicit ?? true;

  const shared = await readSharedConfig(paths, explicit);
  const sdk = await readSdkReading(paths);

  let config: SsoConfig;
  try {
    config = profile
      ? ssoConfigFromProfile(shared, profile.name, explicit)
      : ssoConfigFromSession(shared, sessionName as string);
  } catch (error) {
    if (!(error instanceof SsoTokenProviderError)) throw error;

    const notes = describeSdkDifferences(sdk, settingsOf(shared, profile?.name, sessionName));
    throw notes.length === 0 ? error : withNotes(error, notes);
  }

  const notes = describeSdkDifferences(sdk, settingsOf(shared, profile?.name, sessionName));
  return notes.length === 0 ? config : { ...config, sdkDifferences: notes };
}

function chooseProfile(init: LoadSsoConfigInit, env: NodeJS.ProcessEnv) {
  if (init.profile) return { name: init.profile, explicit: init.profileExplicit ?? true };

  const resolved = resolveProfileName({ env });
  return { name: resolved.name, explicit: init.profileExplicit ?? resolved.explicit };
}

// Our reading of the profile and the session it leads to, to compare with the SDK's.
function settingsOf(
  shared: SharedConfig,
  profileName: string | undefined,
  sessionName: string | undefined,
): ResolvedSettings {
  const sections = profileName === undefined ? undefined : shared.profiles.get(profileName);
  const profile: ConfigValues | undefined = sections && profileValues(shared, sections);
  const session = sessionName ?? profile?.get("sso_session")?.value;
  const sessionSections = session === undefined ? undefined : shared.sessions.get(session);

  return {
    profileName,
    profile,
    sessionName: session,
    session: sessionSections && sessionValues(shared, sessionSections),
  };
}

// The same error with the SDK's differing reading appended; the skip decision is kept.
function withNotes(error: SsoTokenProviderError, notes: string[]): SsoTokenProviderError {
  return new SsoTokenProviderError([error.message, ...notes].join("\n"), {
    code: error.code,
    tryNextLink: error.tryNextLink,
    cause: error.cause,
  });
}
