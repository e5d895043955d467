import { join } from "node:path";

import { loadSharedConfigFiles, loadSsoSessionData } from "@smithy/shared-ini-file-loader";

import type { SdkSections } from "./SharedFiles.js";

/** The shared files as the AWS SDK for JavaScript's loader reads them. */
export interface SdkReading {
  /** Profiles of the config file (`[default]`, `[profile NAME]`), by name. */
  configProfiles: SdkSections;
  /** Sections of the credentials file, by name; empty when it is not read. */
  credentialsProfiles: SdkSections;
  /** `[sso-session NAME]` sections of the config file, by name. */
  sessions: SdkSections;
}

/**
 * Reads both files through `@smithy/shared-ini-file-loader`, with these exact paths and
 * `ignoreCache: true`, so an edit is seen and SDK clients in this process see it too.
 * `loadSsoSessionData` has no such option: it parses the text the first call has just read,
 * so each file is read once.
 *
 * The caller has already checked the config file, and passes `readCredentials: false` when
 * the credentials file is missing or unreadable: the loader would then be asked for a path
 * under the config file, which fails at once (ENOTDIR), instead of blocking on a FIFO or
 * reading a huge file. The loader reports any failure as an empty result; so do we.
 *
 * @internal
 */
export async function loadSdkSections(
  configFilepath: string,
  credentialsFilepath: string,
  readCredentials: boolean,
): Promise<SdkReading> {
  const filepath = readCredentials ? credentialsFilepath : join(configFilepath, "no-credentials");
  const files = await loadSharedConfigFiles({ configFilepath, filepath, ignoreCache: true });
  const sessions = await loadSsoSessionData({ configFilepath });

  return {
    configProfiles: files.configFile,
    credentialsProfiles: readCredentials ? files.credentialsFile : {},
    sessions,
  };
}
