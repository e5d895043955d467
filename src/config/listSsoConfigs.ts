import { SsoTokenProviderError } from "../errors/index.js";
import type { LoadSsoConfigInit } from "./loadSsoConfig.js";
import { readSharedConfig } from "./readSharedConfig.js";
import { resolveConfigFilepaths } from "./resolveConfigFilepaths.js";
import { profileValues } from "./sectionValues.js";
import type { SsoConfig } from "./SsoConfig.js";
import { ssoConfigFromProfile } from "./ssoConfigFromProfile.js";
import { ssoConfigFromSession } from "./ssoConfigFromSession.js";

/** Options of {@link listSsoConfigs}. */
export interface ListSsoConfigsInit
  extends Omit<LoadSsoConfigInit, "profile" | "ssoSession" | "profileExplicit"> {
  /**
   * Called with the error of each entry left out because it is broken (a session without
   * sso_region, a repeated section, ...). Default: such entries are left out silently.
   */
  onProblem?: (problem: SsoTokenProviderError) => void;
}

/**
 * Every `[sso-session NAME]` section of the config file (kind "session", no profileName),
 * then every legacy SSO profile (kind "legacy": a profile of either file with no
 * `sso_session` but with `sso_start_url` or `sso_region`), each in file order. Files are read
 * and checked as {@link loadSsoConfig} reads them; an entry that it would refuse is left out
 * and passed to `onProblem`. Profiles that use an sso_session are not listed: their session is.
 *
 * @throws SsoTokenProviderError CONFIG_FILE_NOT_FOUND or CONFIG_FILE_UNREADABLE (never
 *   skippable: listing is always an explicit request).
 * @public
 */
export async function listSsoConfigs(init: ListSsoConfigsInit): Promise<SsoConfig[]> {
  const paths = resolveConfigFilepaths({
    configFilepath: init.configFilepath,
    filepath: init.filepath,
    env: init.env ?? process.env,
  });
  const shared = await readSharedConfig(paths, true);
  const found: SsoConfig[] = [];

  const attempt = (build: () => SsoConfig) => {
    try {
      found.push(build());
    } catch (error) {
      if (!(error instanceof SsoTokenProviderError)) throw error;
      init.onProblem?.(error);
    }
  };

  for (const name of shared.sessions.keys()) {
    attempt(() => ssoConfigFromSession(shared, name));
  }

  for (const [name, sections] of shared.profiles) {
    const values = profileValues(shared, sections);
    const legacy = !values.has("sso_session") &&
      (values.has("sso_start_url") || values.has("sso_region"));
    if (legacy) attempt(() => ssoConfigFromProfile(shared, name, true));
  }

  return found;
}
