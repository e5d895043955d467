import { SSO_PROFILE_KEYS } from "./constants.js";
import type { IniSection } from "./layOutIni.js";
import type { IniLine } from "./scanIniLines.js";

const SSO_KEYS: ReadonlySet<string> = new Set(SSO_PROFILE_KEYS);

/**
 * Lists, as sentences starting with `file:line`, the lines of the given sections that the
 * AWS CLI refuses or that it and the AWS SDKs read differently:
 *
 * - a line that is no `name = value` entry, or a name set twice (in any case): the CLI
 *   refuses the file, the SDKs skip the line or take the last value;
 * - a line the CLI takes for a section header and the SDKs do not (`[profile x] notes`): the
 *   SDKs give the lines under it to the section above;
 * - for the SSO settings only: `name: value` (the SDKs read only `=`); an inline ` #` or ` ;`
 *   comment (the CLI keeps it in the value, the SDKs drop it); indentation that makes the CLI
 *   read a line as part of the value above, or the SDKs read it as nested, but not both.
 *
 * Lines are never quoted, as they may hold secrets; headers and SSO names are.
 *
 * @param all - Every line of the file: a value can continue past its section's end.
 * @internal
 */
export function describeLineProblems(
  filepath: string,
  sections: readonly IniSection[],
  all: readonly IniLine[],
): string[] {
  const problems: string[] = [];
  const say = (line: IniLine, text: string) => problems.push(`${filepath}:${line.number}: ${text}`);

  for (const section of sections) {
    const firstSet = new Map<string, number>();

    for (const line of section.lines) {
      if (line.skipped) continue;

      const entry = line.entry;
      if (!line.continuation && line.cliHeader !== undefined) {
        say(
          line,
          `[${line.cliHeader}] is a section header to the AWS CLI but not to the AWS SDKs, ` +
            `which read the lines under it as part of [${section.name}]. Write the header ` +
            "alone on its line.",
        );
        // The CLI starts a new section there: names below it are not repeats to the CLI.
        firstSet.clear();
      } else if (!line.continuation && !entry) {
        say(line, "not a `name = value` line (the AWS CLI refuses the whole file).");
      }
      if (!entry) continue;

      const first = firstSet.get(entry.name);
      if (!line.continuation && first !== undefined) {
        say(
          line,
          `"${entry.name}" is set again (first set on line ${first}): the AWS CLI refuses ` +
            "a repeated setting, the AWS SDKs take the last. Keep one.",
        );
      } else if (!line.continuation) {
        firstSet.set(entry.name, line.number);
      }

      if (SSO_KEYS.has(entry.name)) problems.push(...describeSsoEntry(filepath, line, all));
    }
  }

  return problems;
}

function describeSsoEntry(filepath: string, line: IniLine, all: readonly IniLine[]): string[] {
  const entry = line.entry as NonNullable<IniLine["entry"]>;
  const { name } = entry;
  const at = `${filepath}:${line.number}:`;

  if (line.continuation !== entry.sdkNested && entry.separator === "=") {
    return [
      line.continuation
        ? `${at} ${name} is indented under the setting above it, so the AWS CLI reads it as ` +
          "part of that value while the AWS SDKs read it as a setting. Remove its indentation."
        : `${at} ${name} is indented under a "name =" line with no value, so the AWS SDKs ` +
          "read it as nested under that name while the AWS CLI reads it as a setting. " +
          "Remove its indentation.",
    ];
  }
  if (line.continuation || entry.sdkNested) return [];

  const problems: string[] = [];
  if (entry.separator === ":") {
    problems.push(
      `${at} ${name} is written with ":", which the AWS CLI accepts but the AWS SDKs do not ` +
        `read. Write ${name} = VALUE.`,
    );
  }

  if (entry.inlineComment) {
    problems.push(
      `${at} ${name} has a comment after its value: the AWS CLI keeps it as part of the ` +
        "value, the AWS SDKs drop it. Put the comment on a line of its own.",
    );
  }

  // An indented SSO setting that reports itself (see above) is not reported twice.
  const next = all.slice(line.number).find((other) => !other.skipped);
  if (next?.continuation && !(reportsItself(next) && !entry.empty)) {
    problems.push(
      entry.empty
        ? `${at} ${name} has no value on its line, and the indented line ${next.number} under ` +
          "it is no value to the AWS SDKs (the AWS CLI reads nested settings there). Write " +
          `the value on the same line: ${name} = VALUE.`
        : `${filepath}:${next.number}: the line is indented under ${name} (line ` +
          `${line.number}), so the AWS CLI reads it as part of that value while the AWS ` +
          "SDKs do not. Remove its indentation.",
    );
  }

  return problems;
}

function reportsItself(line: IniLine): boolean {
  const entry = line.entry;
  return (
    entry !== undefined &&
    SSO_KEYS.has(entry.name) &&
    entry.separator === "=" &&
    line.continuation !== entry.sdkNested
  );
}
