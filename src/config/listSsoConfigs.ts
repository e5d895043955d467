import { SsoTokenProviderError } from "../errors/index.js";
import { invalidConfig } from "./checkSsoSettings.js";
import { describeUnreadSsoHeaders } from "./describeNearMisses.js";
import { findProfileSections, listProfileNames, listSessionNames } from "./findSections.js";
import type { LoadSsoConfigInit } from "./loadSsoConfig.js";
import { readSharedFiles } from "./readSharedFiles.js";
import { resolveConfigFilepaths } from "./resolveConfigFilepaths.js";
import type { SharedFiles } from "./SharedFiles.js";
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
 * A `[profile ...]` or `[sso-session ...]` header that the AWS SDKs do not read (such as
 * `[sso-session "my team"]`) but that SSO settings follow is not listed either; it is passed
 * to `onProblem`, last, with why it is not read.
 *
 * @throws SsoTokenProviderError CONFIG_FILE_NOT_FOUND, CONFIG_FILE_UNREADABLE, or
 *   SSO_CONFIG_INVALID for a file the SDKs cannot read as the AWS CLI does (never skippable:
 *   listing is always an explicit request).
 * @public
 */
export async function listSsoConfigs(init: ListSsoConfigsInit): Promise<SsoConfig[]> {
  const paths = resolveConfigFilepaths({
    configFilepath: init.configFilepath,
    filepath: init.filepath,
    env: init.env ?? process.env,
  });
  const shared = await readSharedFiles(paths, true);
  const found: SsoConfig[] = [];

  const attempt = (build: () => SsoConfig) => {
    try {
      found.push(build());
    } catch (error) {
      if (!(error instanceof SsoTokenProviderError)) throw error;
      init.onProblem?.(error);
    }
  };

  for (const name of listSessionNames(shared)) {
    attempt(() => ssoConfigFromSession(shared, name));
  }

  for (const name of listProfileNames(shared)) {
    if (looksLegacy(shared, name)) attempt(() => ssoConfigFromProfile(shared, name, true));
  }

  for (const hint of describeUnreadSsoHeaders(shared)) {
    init.onProblem?.(invalidConfig([hint]));
  }

  return found;
}

// Whether any of the profile's lines sets sso_start_url or sso_region but none sso_session.
function looksLegacy(shared: SharedFiles, name: string): boolean {
  const { config, credentials } = findProfileSections(shared, name);
  const names = new Set(
    [...config, ...credentials]
      .flatMap((section) => section.lines)
      .flatMap((line) => (line.entry && !line.continuation ? [line.entry.name] : [])),
  );

  return !names.has("sso_session") && (names.has("sso_start_url") || names.has("sso_region"));
}
