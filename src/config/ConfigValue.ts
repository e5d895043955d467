import type { IniSection } from "./IniDocument.js";

/** One setting as finally read, with where it was written (for error messages). */
export interface ConfigValue {
  value: string;
  /** The file that set it. */
  filepath: string;
  /** The section it was written in (a `[DEFAULT]` section when inherited). */
  section: IniSection;
  /** 1-based line of the entry. */
  line: number;
}

/** Settings by lower-cased name. */
export type ConfigValues = Map<string, ConfigValue>;
