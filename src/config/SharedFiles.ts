import type { IniLayout } from "./layOutIni.js";
import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";

/** Settings of one section as the SDK's loader returns them, by name as written. */
export type SdkSection = Readonly<Record<string, string | undefined>>;

/** Sections as the SDK's loader returns them, by name. */
export type SdkSections = Readonly<Record<string, SdkSection>>;

/** One shared file: where it is, its lines laid out, and the SDK's reading of it. */
export interface SharedFile {
  filepath: string;
  layout: IniLayout;
  /** The config file: profiles by name (`default`, `dev`); the credentials file: sections. */
  sdkProfiles: SdkSections;
}

/** Why the credentials file could not be used, when it exists but cannot be read. */
export interface UnreadableFile {
  reason: string;
  cause?: unknown;
}

/** Both shared files, read once: the SDK's values and our layout of the same files. */
export interface SharedFiles {
  paths: ConfigFilepaths;
  config: SharedFile;
  /** The `[sso-session NAME]` sections of the config file as the SDK's loader returns them. */
  sdkSessions: SdkSections;
  /** Undefined when the credentials file is missing or unreadable. */
  credentials?: SharedFile;
  /** Set when the credentials file exists but cannot be read. */
  credentialsUnreadable?: UnreadableFile;
}
