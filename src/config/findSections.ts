import type { IniSection } from "./layOutIni.js";
import type { SharedFile, SharedFiles } from "./SharedFiles.js";

/** The sections that make up one profile, in file order. */
export interface ProfileSections {
  /** Config-file sections naming it (`[profile NAME]`, or `[default]` for "default"). */
  config: IniSection[];
  /** Credentials-file sections naming it (`[NAME]`). */
  credentials: IniSection[];
}

/**
 * The profile name the SDK's loader gives a config-file section (`[default]` is "default",
 * `[profile dev]` is "dev"); undefined for any other section.
 *
 * @internal
 */
export function configProfileName(section: IniSection): string | undefined {
  if (section.sdkKey === "default") return "default";
  if (section.sdkKey?.startsWith("profile.")) return section.sdkKey.slice("profile.".length);

  return undefined;
}

/** The sso-session name of a config-file section; undefined for any other section. @internal */
export function sessionNameOf(section: IniSection): string | undefined {
  if (section.sdkKey?.startsWith("sso-session.")) {
    return section.sdkKey.slice("sso-session.".length);
  }
  return undefined;
}

/** The sections of both files that the SDK's loader reads as profile `name`. @internal */
export function findProfileSections(shared: SharedFiles, name: string): ProfileSections {
  return {
    config: shared.config.layout.sections.filter((s) => configProfileName(s) === name),
    credentials: credentialsSections(shared.credentials).filter((s) => s.sdkKey === name),
  };
}

/** The config-file sections that the SDK's loader reads as sso-session `name`. @internal */
export function findSessionSections(shared: SharedFiles, name: string): IniSection[] {
  return shared.config.layout.sections.filter((s) => sessionNameOf(s) === name);
}

/** Every profile name of both files, in order of first appearance. @internal */
export function listProfileNames(shared: SharedFiles): string[] {
  const names = [
    ...shared.config.layout.sections.map(configProfileName),
    ...credentialsSections(shared.credentials).map((s) => s.sdkKey),
  ];
  return unique(names);
}

/** Every sso-session name of the config file, in order of first appearance. @internal */
export function listSessionNames(shared: SharedFiles): string[] {
  return unique(shared.config.layout.sections.map(sessionNameOf));
}

function credentialsSections(file: SharedFile | undefined): IniSection[] {
  return file?.layout.sections ?? [];
}

function unique(names: (string | undefined)[]): string[] {
  return [...new Set(names.filter((name): name is string => name !== undefined && name !== ""))];
}
