import { classifyConfigSection } from "./classifyConfigSection.js";
import type { IniDocument, IniSection } from "./IniDocument.js";
import { parseIniText } from "./parseIniText.js";
import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";

/** The sections that make up one profile, in file order. */
export interface ProfileSections {
  /** Config-file sections naming it (`[profile NAME]`, or `[default]` for "default"). */
  config: IniSection[];
  /** Credentials-file sections naming it (`[NAME]`). */
  credentials: IniSection[];
}

/** Why the credentials file could not be used, when it exists but cannot be read. */
export interface UnreadableFile {
  reason: string;
  cause?: unknown;
}

/** Both shared files as the AWS CLI reads them, indexed by profile and sso-session name. */
export interface SharedConfig {
  paths: ConfigFilepaths;
  config: IniDocument;
  /** Undefined when the credentials file is missing or unreadable. */
  credentials?: IniDocument;
  /** Set when the credentials file exists but cannot be read. */
  credentialsUnreadable?: UnreadableFile;
  /** Profiles of both files by name, in order of first appearance. */
  profiles: Map<string, ProfileSections>;
  /** `[sso-session NAME]` sections of the config file by name, in order of first appearance. */
  sessions: Map<string, IniSection[]>;
}

/**
 * Parses the text of the config file and, if given, of the credentials file, and indexes
 * their sections the way the AWS CLI does: in the config file `[profile NAME]` and `[default]`
 * are profiles and `[sso-session NAME]` are sessions (see {@link classifyConfigSection}); in
 * the credentials file every section header is a profile name, taken verbatim. A name may map
 * to several sections (a repeated or differently written header); callers treat that as a
 * problem. Never throws.
 *
 * @internal
 */
export function buildSharedConfig(
  paths: ConfigFilepaths,
  configText: string,
  credentialsText?: string,
  credentialsUnreadable?: UnreadableFile,
): SharedConfig {
  const config = parseIniText(configText);
  const credentials = credentialsText === undefined ? undefined : parseIniText(credentialsText);
  const profiles = new Map<string, ProfileSections>();
  const sessions = new Map<string, IniSection[]>();

  const profileEntry = (name: string): ProfileSections => {
    let entry = profiles.get(name);
    if (!entry) {
      entry = { config: [], credentials: [] };
      profiles.set(name, entry);
    }
    return entry;
  };

  for (const section of config.sections) {
    const kind = classifyConfigSection(section.header);

    if (kind.kind === "profile") profileEntry(kind.name).config.push(section);

    if (kind.kind === "sso-session") {
      const list = sessions.get(kind.name) ?? [];
      list.push(section);
      sessions.set(kind.name, list);
    }
  }

  for (const section of credentials?.sections ?? []) {
    profileEntry(section.header).credentials.push(section);
  }

  return { paths, config, credentials, credentialsUnreadable, profiles, sessions };
}
