import { configError } from "./configError.js";
import { readConfigFile } from "./readConfigFile.js";
import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";
import { buildSharedConfig, type SharedConfig } from "./SharedConfig.js";

/**
 * Reads the config file (required) and the credentials file (optional) fresh from disk and
 * indexes them as the AWS CLI does (see {@link buildSharedConfig}). A missing credentials
 * file is fine; an unreadable one is remembered and only reported when a profile that is not
 * in the config file is asked for (the AWS CLI silently skips an unreadable file).
 *
 * @param profileExplicit - Whether the user named the profile: when not, a missing config
 *   file lets a chain move on (`tryNextLink`).
 * @throws SsoTokenProviderError CONFIG_FILE_NOT_FOUND or CONFIG_FILE_UNREADABLE.
 * @internal
 */
export async function readSharedConfig(
  paths: ConfigFilepaths,
  profileExplicit: boolean,
): Promise<SharedConfig> {
  const [config, credentials] = await Promise.all([
    readConfigFile(paths.configFilepath),
    readConfigFile(paths.credentialsFilepath),
  ]);
  const { configFilepath, configSource } = paths;

  if (config.status === "missing") {
    throw configError(
      "CONFIG_FILE_NOT_FOUND",
      [
        `The AWS config file ${configFilepath} (from ${configSource}) does not exist.`,
        "Create it with `aws configure sso`, or set AWS_CONFIG_FILE to the config file to use.",
      ],
      { profileExplicit, cause: config.cause },
    );
  }

  if (config.status === "unreadable") {
    throw configError(
      "CONFIG_FILE_UNREADABLE",
      [
        `Cannot read the AWS config file ${configFilepath} (from ${configSource}): ` +
          `${config.reason}.`,
        "Make it a file this user can read (check its owner and mode), or set AWS_CONFIG_FILE " +
          "to the config file to use.",
      ],
      { profileExplicit, cause: config.cause },
    );
  }

  return buildSharedConfig(
    paths,
    config.text,
    credentials.status === "ok" ? credentials.text : undefined,
    credentials.status === "unreadable"
      ? { reason: credentials.reason, cause: credentials.cause }
      : undefined,
  );
}
