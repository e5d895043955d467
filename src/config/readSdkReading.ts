import { loadSharedConfigFiles, loadSsoSessionData } from "@smithy/shared-ini-file-loader";

import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";

/** Settings of one section as the SDK read them. */
export type SdkSection = Readonly<Record<string, string | undefined>>;

/** The shared files as the AWS SDK for JavaScript reads them. */
export interface SdkReading {
  /** A profile, merged over both files as the SDK's `parseKnownFiles` merges it. */
  profile(name: string): SdkSection | undefined;
  /** An `[sso-session NAME]` section. */
  session(name: string): SdkSection | undefined;
}

/**
 * Reads both files through the SDK's own loaders (`@smithy/shared-ini-file-loader`), with the
 * exact paths we use and `ignoreCache: true` so edits are seen. We use this reading only to
 * say where the SDK disagrees with the AWS CLI's reading, which is the one we follow.
 *
 * `ignoreCache` also refreshes the SDK's process-wide copy of these files, so SDK clients in
 * this process see edits too. `loadSsoSessionData` has no `ignoreCache` option; it reuses the
 * copy `loadSharedConfigFiles` has just refreshed. Never throws (the loaders report every
 * failure as an empty result).
 *
 * @internal
 */
export async function readSdkReading(paths: ConfigFilepaths): Promise<SdkReading> {
  const init = {
    configFilepath: paths.configFilepath,
    filepath: paths.credentialsFilepath,
    ignoreCache: true,
  };
  const files = await loadSharedConfigFiles(init).catch(() => undefined);
  const sessions = await loadSsoSessionData(init).catch(() => undefined);

  return {
    profile(name) {
      const fromConfig = own(files?.configFile, name);
      const fromCredentials = own(files?.credentialsFile, name);
      if (!fromConfig && !fromCredentials) return undefined;

      return { ...fromConfig, ...fromCredentials };
    },
    session(name) {
      return own(sessions, name);
    },
  };
}

// The SDK returns plain objects: look names up without reaching into their prototype
// (a profile named "constructor" must not find Object's constructor).
function own(
  record: Record<string, Record<string, string | undefined>> | undefined,
  name: string,
): SdkSection | undefined {
  return record && Object.hasOwn(record, name) ? record[name] : undefined;
}
