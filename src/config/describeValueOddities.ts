/**
 * Explains why a value as the AWS CLI reads it may not be what its author meant: an inline
 * comment (` # ...` or ` ; ...`, which the CLI keeps as part of the value while the AWS SDK
 * for JavaScript removes it), an indented next line (which the CLI appends to the value),
 * quotes (which no tool removes). Returns sentences, or none.
 *
 * @internal
 */
export function describeValueOddities(name: string, value: string): string[] {
  const hints: string[] = [];

  if (value.includes("\n")) {
    hints.push(
      `The AWS CLI reads indented lines under ${name} as part of its value; ` +
        "remove their indentation if they are separate settings.",
    );
  }

  if (/\s[#;]/.test(value)) {
    hints.push(
      "The AWS CLI does not strip inline comments (a # or ; after the value); " +
        "put the comment on a line of its own.",
    );
  }

  if (/^["']|["']$/.test(value)) {
    hints.push("Quotes are part of the value; remove them.");
  }

  return hints;
}
