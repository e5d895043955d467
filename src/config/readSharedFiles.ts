import { checkedLayout } from "./checkedLayout.js";
import { configError } from "./configError.js";
import { loadSdkSections } from "./loadSdkSections.js";
import { readConfigFile } from "./readConfigFile.js";
import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";
import type { SharedFiles } from "./SharedFiles.js";

/**
 * Reads the config file (required) and the credentials file (optional) for one lookup: first
 * ourselves, as text, to tell a missing file from an unreadable one and to lay out its lines
 * for the checks; then through the SDK's loader (see {@link loadSdkSections}), whose values
 * are the ones used. A missing credentials file is fine; an unreadable one is remembered and
 * only reported when a profile that is not in the config file is asked for (the AWS CLI
 * skips an unreadable file without a word). A text already checked is not checked again
 * (see {@link checkedLayout}).
 *
 * @param profileExplicit - Whether the user named the profile: when not, a missing config
 *   file lets a chain move on (`tryNextLink`).
 * @throws SsoTokenProviderError CONFIG_FILE_NOT_FOUND, CONFIG_FILE_UNREADABLE, or
 *   SSO_CONFIG_INVALID for a file the SDKs cannot read as the CLI does (see
 *   {@link checkWholeFile}).
 * @internal
 */
export async function readSharedFiles(
  paths: ConfigFilepaths,
  profileExplicit: boolean,
): Promise<SharedFiles> {
  const [config, credentials] = await Promise.all([
    readConfigFile(paths.configFilepath),
    readConfigFile(paths.credentialsFilepath),
  ]);
  const { configFilepath, configSource, credentialsFilepath } = paths;

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

  const configLayout = checkedLayout(configFilepath, config.text);
  const credentialsLayout =
    credentials.status === "ok" ? checkedLayout(credentialsFilepath, credentials.text) : undefined;

  const sdk = await loadSdkSections(configFilepath, credentialsFilepath, !!credentialsLayout);

  return {
    paths,
    config: { filepath: configFilepath, layout: configLayout, sdkProfiles: sdk.configProfiles },
    sdkSessions: sdk.sessions,
    ...(credentialsLayout && {
      credentials: {
        filepath: credentialsFilepath,
        layout: credentialsLayout,
        sdkProfiles: sdk.credentialsProfiles,
      },
    }),
    ...(credentials.status === "unreadable" && {
      credentialsUnreadable: { reason: credentials.reason, cause: credentials.cause },
    }),
  };
}
