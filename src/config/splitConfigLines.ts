/**
 * Splits file text into lines the way the AWS CLI (Python, universal newlines) reads them:
 * `\r\n`, a lone `\r` and `\n` all end a line. A leading UTF-8 byte order mark is dropped.
 *
 * The byte order mark is a deliberate difference: the CLI keeps it as a character, so its
 * first section header no longer parses and it refuses the whole file. Editors on Windows
 * add one; it changes no setting, and the AWS SDK for JavaScript ignores it too.
 *
 * @internal
 */
export function splitConfigLines(text: string): string[] {
  const withoutBom = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = withoutBom.split(/\r\n|\r|\n/);

  // A final newline ends the last line; it does not start an empty one.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();

  return lines;
}
