import { loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";

import { resolveConfigFilepaths } from "../config/index.js";

/** A profile's settings as the SDK read them. @internal */
export type SdkProfile = Readonly<Record<string, string | undefined>>;

/**
 * A profile as the AWS SDK for JavaScript's `fromIni` sees it: read by
 * `@smithy/shared-ini-file-loader` (with `ignoreCache`, so edits are seen) and merged over
 * both files key by key, credentials file last. `undefined` when neither file has it; the
 * loader reports an unreadable file as empty, so that is `undefined` too.
 *
 * @internal
 */
export async function readSdkProfile(
  name: string,
  paths: { configFilepath?: string; filepath?: string },
): Promise<SdkProfile | undefined> {
  const resolved = resolveConfigFilepaths(paths);
  const files = await loadSharedConfigFiles({
    configFilepath: resolved.configFilepath,
    filepath: resolved.credentialsFilepath,
    ignoreCache: true,
  }).catch(() => undefined);

  const fromConfig = files?.configFile[name];
  const fromCredentials = files?.credentialsFile[name];
  if (fromConfig === undefined && fromCredentials === undefined) return undefined;
  return { ...fromConfig, ...fromCredentials };
}
