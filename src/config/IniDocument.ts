/** One `name = value` entry of a section, as the AWS CLI (Python configparser) reads it. */
export interface IniOption {
  /** The name lower-cased, as configparser stores it (`SSO_Region` is `sso_region`). */
  name: string;
  /** The name as written. */
  rawName: string;
  /**
   * The value: stripped, continuation lines joined with "\n", trailing blank lines removed.
   * Inline comments and quotes are part of it: configparser, as the CLI sets it up, removes
   * neither.
   */
  value: string;
  /** 1-based line of the entry. */
  line: number;
}

/** One section header and the entries under it, up to the next header. */
export interface IniSection {
  /** The text between `[` and the last `]` of the header line, not trimmed. */
  header: string;
  /** 1-based line of the header. */
  line: number;
  /** Entries by lower-cased name; of a repeated name, the last one. */
  options: Map<string, IniOption>;
}

/** A line that the AWS CLI would refuse. The CLI then refuses the whole file. */
export interface IniProblem {
  /** 1-based line. */
  line: number;
  /** The section it is in; undefined above the first header. */
  section?: IniSection;
  /** What is wrong, in words, without the line number. */
  reason: string;
  /** The line's text, trimmed. */
  text: string;
}

/** A config or credentials file as the AWS CLI reads it, before profiles are picked out. */
export interface IniDocument {
  /** Every section header occurrence except `[DEFAULT]`, in file order (repeats included). */
  sections: IniSection[];
  /**
   * The `[DEFAULT]` section, all its occurrences merged: configparser gives its entries to
   * every other section of the same file, under their own. Undefined when there is none.
   */
  defaults?: IniSection;
  /** Lines the CLI would refuse. */
  problems: IniProblem[];
}
