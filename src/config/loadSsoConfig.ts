import { readSharedFiles } from "./readSharedFiles.js";
import { resolveConfigFilepaths } from "./resolveConfigFilepaths.js";
import { resolveProfileName } from "./resolveProfileName.js";
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
 * **Whose reading.** Values come from the AWS SDK for JavaScript's loader
 * (`@smithy/shared-ini-file-loader`, with these paths and `ignoreCache: true`; the credentials
 * file is merged over the config file key by key). Each file is read once by the loader and
 * once as text by us, first, to tell a missing file from an unreadable one (the loader turns
 * both into an empty result) and to check the lines behind the values. The AWS CLI wrote the
 * file and `aws sso login` keyed its token cache on what it read, so where the CLI would read
 * what is resolved differently, we follow it or refuse with SSO_CONFIG_INVALID naming the
 * file and line (never guessing):
 *
 * - names in any case (`SSO_Region`) are looked up as the CLI lower-cases them;
 * - `name =` with nothing after it is an empty value, as in the CLI (the SDK drops it);
 * - refused: an inline ` #` or ` ;` comment after an SSO value (the CLI keeps it in the
 *   value, the SDK drops it), `name: value` for an SSO setting (the SDK reads only `=`),
 *   an SSO line that indentation makes one tool read as a continued or nested value and the
 *   other as a setting, a `[DEFAULT]` section setting an SSO name that the section lacks (the
 *   CLI applies it, the SDK ignores it), a header only one of them reads as that section
 *   (`[profile.dev]`, an indented header), a header the CLI reads and the SDK does not
 *   (`[profile x] notes`, which gives the lines under it to the section above);
 * - refused for the whole file: lone carriage-return line endings, and a section the SDK
 *   rejects outright (`[__proto__]`).
 *
 * **Known limitations.** Some sections the CLI reads are invisible to the SDK's loader, so
 * they cannot be used; the not-found error points at them and says how to rewrite them:
 * headers with extra spaces (`[profile  dev ]`), names with spaces or characters outside
 * letters, digits and `- _ @ + . % : /` (`[profile "dev team"]`), `[profiles dev]`. A UTF-8
 * byte order mark is ignored (the CLI refuses the file); bytes that are not UTF-8 are
 * replaced rather than refusing the file. An edit between our read and the loader's can slip
 * past the checks of this call; the next call sees it.
 *
 * **Files the CLI refuses.** The CLI refuses a whole file that repeats a section or a setting,
 * or has a line that is no setting. Our rule: such a problem is an SSO_CONFIG_INVALID error
 * only when it is in a section being resolved (the profile's sections in either file, the
 * session's section); elsewhere it is ignored, as the SDKs ignore it. Two headers that name
 * the same profile or session (`[default]` and `[profile default]`, `[profile dev]` and
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

  const shared = await readSharedFiles(paths, explicit);

  return profile
    ? ssoConfigFromProfile(shared, profile.name, explicit)
    : ssoConfigFromSession(shared, sessionName as string);
}

function chooseProfile(init: LoadSsoConfigInit, env: NodeJS.ProcessEnv) {
  if (init.profile) return { name: init.profile, explicit: init.profileExplicit ?? true };

  const resolved = resolveProfileName({ env });
  return { name: resolved.name, explicit: init.profileExplicit ?? resolved.explicit };
}
