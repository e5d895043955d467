/** A `name = value` (or `name: value`) line, as far as the checks need to know it. */
export interface IniEntry {
  /** The name before the first `=` or `:`, trimmed and lower-cased (the AWS CLI's key). */
  name: string;
  /** Which of `=` and `:` comes first. The AWS SDKs only know `=`. */
  separator: "=" | ":";
  /** Nothing follows the separator (an inline comment aside). */
  empty: boolean;
  /** A ` #` or ` ;` follows it: the AWS SDKs cut it off as a comment, the AWS CLI does not. */
  inlineComment: boolean;
  /**
   * The AWS SDKs read the line as nested under an earlier `name =` line with no value (as in
   * `s3 =` then indented settings), so not as a setting of its own.
   */
  sdkNested: boolean;
}

/**
 * One line of a shared config or credentials file, labelled with how the AWS CLI and the AWS
 * SDKs take it. Labels only: values are never read from here (they come from the SDK's own
 * loader). `text` may hold a secret: messages show header lines only.
 */
export interface IniLine {
  /** 1-based, counting lines as the AWS SDKs split them (at `\n` or `\r\n`). */
  number: number;
  text: string;
  /** Width of the leading whitespace. */
  indent: number;
  /** Blank, or a full-line `#` or `;` comment: every tool skips it. */
  skipped: boolean;
  /** The AWS SDKs take it for a section header (`[` ... `]` once an inline comment is cut). */
  sdkHeader: boolean;
  /** For an SDK header, the text between its brackets as the SDKs take it. */
  sdkHeaderText?: string;
  /** The text between `[` and the last `]` when the AWS CLI takes it for a header. */
  cliHeader?: string;
  /**
   * The AWS CLI reads it as more of the value above: it is indented deeper than the entry
   * that value belongs to (Python configparser's rule). Headers and settings too.
   */
  continuation: boolean;
  /** Set when the line has a name and a separator and is no header. */
  entry?: IniEntry;
}

// The inline comment the SDK's parser cuts off: `#` or `;` at the start or after a space.
const SDK_COMMENT = /(^|\s)[;#]/;

/**
 * Labels every line of a file (see {@link IniLine}). A leading byte order mark is ignored, as
 * the AWS SDKs ignore it.
 *
 * @internal
 */
export function scanIniLines(text: string): IniLine[] {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();

  const scanned: IniLine[] = [];
  // configparser: whether an entry is open for more lines, and the indent of its line.
  let entryOpen = false;
  let entryIndent = 0;
  // The SDK: whether a `name =` line without value has opened a nested block.
  let sdkBlockOpen = false;

  for (const [index, raw] of lines.entries()) {
    const line = labelLine(index + 1, raw);
    scanned.push(line);
    if (line.skipped) continue;

    if (entryOpen && line.indent > entryIndent) {
      line.continuation = true;
    } else {
      entryIndent = line.indent;
      if (line.cliHeader !== undefined) entryOpen = false;
      else if (line.entry) entryOpen = true;
    }

    if (line.sdkHeader) {
      sdkBlockOpen = false;
      continue;
    }
    const sdk = sdkEntryState(raw, sdkBlockOpen);
    sdkBlockOpen = sdk.blockOpen;
    if (line.entry) line.entry.sdkNested = sdk.nested;
  }

  return scanned;
}

function labelLine(number: number, text: string): IniLine {
  const trimmed = text.trim();
  const indent = /^\s*/.exec(text)?.[0].length ?? 0;
  const skipped = trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";");
  const line: IniLine = { number, text, indent, skipped, sdkHeader: false, continuation: false };
  if (skipped) return line;

  const sdkContent = sdkCut(text);
  line.sdkHeader = sdkContent.startsWith("[") && sdkContent.endsWith("]");
  if (line.sdkHeader) line.sdkHeaderText = sdkContent.slice(1, -1);
  line.cliHeader = /^\[(.+)\]/.exec(trimmed)?.[1];
  if (line.sdkHeader || line.cliHeader !== undefined) return line;

  const separatorAt = text.search(/[=:]/);
  const name = separatorAt < 0 ? "" : text.slice(0, separatorAt).trim();
  if (name === "") return line;

  // Where the SDK's parser cuts the line; a cut after the separator is an inline comment.
  const cutAt = text.search(SDK_COMMENT);
  const inlineComment = cutAt > separatorAt;
  const value = text.slice(separatorAt + 1, inlineComment ? cutAt : undefined).trim();

  line.entry = {
    name: name.toLowerCase(),
    separator: text[separatorAt] as "=" | ":",
    empty: value === "",
    inlineComment,
    sdkNested: false,
  };
  return line;
}

// The line as the SDK's parser sees it: inline comment cut off, trimmed.
function sdkCut(text: string): string {
  return (text.split(SDK_COMMENT)[0] ?? "").trim();
}

// The SDK's parser: a `name =` line with no value opens a nested block; a later line that is
// not indented closes it; a setting inside it is read as nested.
function sdkEntryState(raw: string, blockOpen: boolean): { nested: boolean; blockOpen: boolean } {
  const content = sdkCut(raw);
  const equals = content.indexOf("=");
  if (equals <= 0) return { nested: false, blockOpen };

  if (content.slice(equals + 1).trim() === "") return { nested: false, blockOpen: true };

  const stillOpen = blockOpen && raw.trimStart() !== raw;
  return { nested: stillOpen, blockOpen: stillOpen };
}
