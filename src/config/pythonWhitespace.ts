// The characters Python's str.isspace() and the `\s` of its `re` module accept. The AWS CLI
// trims lines and values with these, which differ from JavaScript's `\s` and trim(): Python
// adds \x1c-\x1f and \x85, JavaScript adds U+FEFF.
const PY_SPACE_CLASS =
  "\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

const LEADING = new RegExp(`^[${PY_SPACE_CLASS}]+`);
const TRAILING = new RegExp(`[${PY_SPACE_CLASS}]+$`);
const ANY_SPACE = new RegExp(`[${PY_SPACE_CLASS}]`);

/** A regular-expression character class body matching Python whitespace. @internal */
export const PYTHON_SPACE_CLASS = PY_SPACE_CLASS;

/** `text.strip()` as Python does it. @internal */
export function pythonStrip(text: string): string {
  return pythonRstrip(text.replace(LEADING, ""));
}

/** `text.rstrip()` as Python does it. @internal */
export function pythonRstrip(text: string): string {
  return text.replace(TRAILING, "");
}

/** Index of the first character that is not Python whitespace, or 0 when there is none. */
export function indentOf(line: string): number {
  const match = LEADING.exec(line);
  if (!match) return 0;

  return match[0].length === line.length ? 0 : match[0].length;
}

/** Whether the text holds any Python whitespace character. @internal */
export function hasPythonSpace(text: string): boolean {
  return ANY_SPACE.test(text);
}
