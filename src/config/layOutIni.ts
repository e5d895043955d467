import { type IniLine, scanIniLines } from "./scanIniLines.js";

/** A section as the AWS SDKs delimit it: a header line and the lines up to the next one. */
export interface IniSection {
  header: IniLine;
  /** The text between the brackets, as the AWS SDKs take it (inline comment cut, trimmed). */
  name: string;
  /**
   * The key the SDK's parser files the section's settings under: `profile.dev`,
   * `sso-session.corp`, `services.x`, or the bare name (`default`, `dev`, `DEFAULT`); undefined
   * when it drops them (`word name` where the word is none of those three: `[profiles dev]`).
   */
  sdkKey?: string;
  /** Whether the header has the one form the AWS CLI and the SDKs read alike: `prefix name`. */
  prefixed: boolean;
  lines: IniLine[];
}

/** A file's lines and its sections, in file order. */
export interface IniLayout {
  lines: IniLine[];
  sections: IniSection[];
  /** A header the SDK's parser refuses outright (`[__proto__]`), losing the whole file. */
  sdkRefused?: IniLine;
}

// The SDK's parser: a section name is `prefix name`, one space (or tab) between, the name
// optionally quoted, made of these characters only. Any other name is kept as written.
const PREFIXED_NAME = /^([\w-]+)\s(["'])?([\w@+.%:/-]+)\2$/;
const SDK_SECTION_TYPES: ReadonlySet<string> = new Set(["profile", "sso-session", "services"]);
const SDK_REFUSED_NAMES: ReadonlySet<string> = new Set(["__proto__", "profile __proto__"]);

/**
 * Scans a file (see {@link scanIniLines}) and groups its lines into sections the way the
 * SDK's parser (`@smithy/shared-ini-file-loader`) does, naming each as it does, so that a
 * check can point at the lines behind a value the SDK returned. Lines above the first header
 * belong to no section. Never throws.
 *
 * @internal
 */
export function layOutIni(text: string): IniLayout {
  const lines = scanIniLines(text);
  const sections: IniSection[] = [];
  let sdkRefused: IniLine | undefined;

  for (const line of lines) {
    if (!line.sdkHeader) {
      sections[sections.length - 1]?.lines.push(line);
      continue;
    }

    const name = line.sdkHeaderText ?? "";
    if (SDK_REFUSED_NAMES.has(name)) sdkRefused ??= line;
    sections.push({ header: line, name, ...sdkKeyOf(name), lines: [] });
  }

  return { lines, sections, ...(sdkRefused && { sdkRefused }) };
}

function sdkKeyOf(name: string): { sdkKey?: string; prefixed: boolean } {
  const match = PREFIXED_NAME.exec(name);
  if (!match) return { sdkKey: name, prefixed: false };

  const [, prefix, , value] = match as unknown as [string, string, string, string];
  return SDK_SECTION_TYPES.has(prefix)
    ? { sdkKey: `${prefix}.${value}`, prefixed: true }
    : { prefixed: true };
}
