import type { IniDocument, IniOption, IniProblem, IniSection } from "./IniDocument.js";
import { PYTHON_SPACE_CLASS, indentOf, pythonRstrip, pythonStrip } from "./pythonWhitespace.js";
import { splitConfigLines } from "./splitConfigLines.js";

// configparser's section header: "[" then anything up to the last "]" on the (stripped)
// line; text after that "]" is ignored.
const SECTION_HEADER = /^\[([^\n]+)\]/;

// configparser's entry: the name up to the first "=" or ":", spaces around it dropped.
const OPTION_LINE = new RegExp(
  `^([^\\n]*?)[${PYTHON_SPACE_CLASS}]*([=:])[${PYTHON_SPACE_CLASS}]*([^\\n]*)$`,
);

// The section configparser treats as defaults for every other section of the file.
const DEFAULT_SECTION = "DEFAULT";

interface OpenOption {
  option: IniOption;
  section: IniSection;
  lines: string[];
}

/**
 * Reads config file text as the AWS CLI does: Python's `configparser.RawConfigParser` with its
 * defaults (what botocore's `raw_config_parse` uses). That means:
 *
 * - full-line comments start with `#` or `;` (after any indentation); there are no inline
 *   comments, so `sso_region = us-east-1 # prod` has the value `us-east-1 # prod`;
 * - `=` and `:` both separate a name from its value; names are lower-cased;
 * - a line indented deeper than the entry above it continues that entry's value, blank lines
 *   in between included, even when it looks like `key = value` or a section header;
 * - a header is `[` ... `]` at the start of the trimmed line, taken verbatim (` profile dev `
 *   keeps its spaces), and anything after the last `]` is ignored;
 * - `[DEFAULT]` supplies entries to every other section of the file.
 *
 * Lines the CLI would reject (a line that is no entry, an entry without a name, a repeated
 * entry, text above the first header, a repeated `[DEFAULT]` entry) are listed in `problems`
 * and otherwise skipped; repeated sections are kept as separate occurrences. This function
 * never throws.
 *
 * @internal
 */
export function parseIniText(text: string): IniDocument {
  const sections: IniSection[] = [];
  const problems: IniProblem[] = [];
  let defaults: IniSection | undefined;
  let section: IniSection | undefined;
  let open: OpenOption | undefined;
  let indentLevel = 0;
  const pending: OpenOption[] = [];

  const lines = splitConfigLines(text);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const lineNo = index + 1;
    const content = pythonStrip(raw);

    if (content === "" || content.startsWith("#") || content.startsWith(";")) {
      // A blank line may sit inside a multi-line value; a comment line never adds to it.
      if (content === "" && open) open.lines.push("");
      continue;
    }

    const indent = indentOf(raw);
    if (open && indent > indentLevel) {
      open.lines.push(content);
      continue;
    }
    indentLevel = indent;

    const header = SECTION_HEADER.exec(content);
    if (header) {
      open = undefined;
      const opened = openSection(header[1] as string, lineNo);
      if (opened.header === DEFAULT_SECTION) {
        // Every [DEFAULT] header reopens the same section, as in configparser.
        defaults ??= opened;
        section = defaults;
      } else {
        sections.push(opened);
        section = opened;
      }
      continue;
    }

    if (!section) {
      const reason = "text above the first [section] header";
      problems.push({ line: lineNo, reason, text: content });
      continue;
    }

    const entry = OPTION_LINE.exec(content);
    if (!entry) {
      // configparser keeps the previous entry open, so deeper lines still continue it.
      const reason = "not a `name = value` line";
      problems.push({ line: lineNo, section, reason, text: content });
      continue;
    }

    const rawName = pythonRstrip(entry[1] as string);
    if (rawName === "") {
      const reason = `no name before "${entry[2]}"`;
      problems.push({ line: lineNo, section, reason, text: content });
      open = undefined;
      continue;
    }

    const name = rawName.toLowerCase();
    const earlier = section.options.get(name);
    if (earlier) {
      problems.push({
        line: lineNo,
        section,
        reason: `"${name}" is set again (first set on line ${earlier.line})`,
        text: content,
      });
    }

    const option: IniOption = { name, rawName, value: "", line: lineNo };
    open = { option, section, lines: [pythonStrip(entry[3] as string)] };
    pending.push(open);
    section.options.set(name, option);
  }

  for (const { option, lines: valueLines } of pending) {
    option.value = pythonRstrip(valueLines.join("\n"));
  }
  // botocore checks nested values section by section, so [DEFAULT]'s count only when some
  // section inherits them.
  const checked = sections.length > 0 ? pending : pending.filter((o) => o.section !== defaults);
  problems.push(...findBadNestedValues(checked));
  problems.sort((a, b) => a.line - b.line);

  return { sections, defaults, problems };
}

function openSection(header: string, line: number): IniSection {
  return { header, line, options: new Map() };
}

// A value whose first line is empty is read by botocore as nested `key = value` settings
// (`s3 =` followed by indented lines); a nested line without "=" makes it refuse the file.
function findBadNestedValues(options: OpenOption[]): IniProblem[] {
  const problems: IniProblem[] = [];

  for (const { option, section } of options) {
    if (!option.value.startsWith("\n")) continue;

    const nested = option.value.split("\n").map(pythonStrip);
    if (nested.every((line) => line === "" || line.includes("="))) continue;

    problems.push({
      line: option.line,
      section,
      reason:
        `the indented lines under "${option.name} =" are read as nested settings, ` +
        "and one of them has no \"=\"",
      text: option.rawName,
    });
  }

  return problems;
}
