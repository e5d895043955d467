import type { ConfigValues } from "./ConfigValue.js";
import type { IniDocument, IniSection } from "./IniDocument.js";
import type { ProfileSections, SharedConfig } from "./SharedConfig.js";

/**
 * The settings of one section as the AWS CLI sees them: the file's `[DEFAULT]` entries, then
 * the section's own entries over them. Several sections (a repeat, which callers refuse
 * before using values) are merged in file order, later entries winning, as configparser
 * without its strict check and the SDK's parser both do.
 *
 * @internal
 */
export function sectionValues(
  filepath: string,
  document: IniDocument | undefined,
  sections: readonly IniSection[],
): ConfigValues {
  const values: ConfigValues = new Map();
  if (sections.length === 0) return values;

  const layers = document?.defaults ? [document.defaults, ...sections] : sections;
  for (const layer of layers) {
    for (const option of layer.options.values()) {
      const { name, value, line } = option;
      values.set(name, { value, filepath, section: layer, line });
    }
  }

  return values;
}

/**
 * A profile's settings as the AWS CLI and the AWS SDKs merge them: the config file's, then
 * the credentials file's over them, key by key (botocore updates the profile with the
 * credentials file's entries; the SDK's `mergeConfigFiles` applies the credentials file last).
 *
 * @internal
 */
export function profileValues(shared: SharedConfig, profile: ProfileSections): ConfigValues {
  const fromConfig = sectionValues(shared.paths.configFilepath, shared.config, profile.config);
  const fromCredentials = sectionValues(
    shared.paths.credentialsFilepath,
    shared.credentials,
    profile.credentials,
  );

  return new Map([...fromConfig, ...fromCredentials]);
}

/**
 * The settings of an `[sso-session NAME]` section (with the config file's `[DEFAULT]`).
 *
 * @internal
 */
export function sessionValues(
  shared: SharedConfig,
  sections: readonly IniSection[],
): ConfigValues {
  return sectionValues(shared.paths.configFilepath, shared.config, sections);
}
