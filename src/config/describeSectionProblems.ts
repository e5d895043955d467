import { cliSectionName } from "./cliSectionName.js";
import { SSO_PROFILE_KEYS } from "./constants.js";
import { describeLineProblems } from "./describeLineProblems.js";
import type { IniSection } from "./layOutIni.js";
import type { IniLine } from "./scanIniLines.js";
import type { SharedFile } from "./SharedFiles.js";

/** Sections of one file that make up a profile or session, with a label for messages. */
export interface ProblemTarget {
  kind: "profile" | "sso-session";
  name: string;
  /** How messages name it, e.g. `profile "dev"` or `sso-session "corp"`. */
  label: string;
  file: SharedFile;
  /** Whether `file` is the credentials file, whose headers are bare profile names. */
  credentialsFile: boolean;
  sections: readonly IniSection[];
}

/**
 * Lists, as sentences naming the file and line, what makes the given sections unsafe to use:
 * places where the AWS CLI, which wrote the file, and the AWS SDK's loader, whose values we
 * use, would read them differently, or where the CLI refuses the file. Besides the lines (see
 * {@link describeLineProblems}):
 *
 * - a repeated section, including `[default]` with `[profile default]`, or a header that the
 *   CLI reads as the same profile or session and the SDKs do not (`[profile  dev ]`): the
 *   CLI refuses an exact repeat and otherwise takes the later section, the SDKs merge
 *   repeats or prefer `[profile default]`; we refuse rather than guess;
 * - a header the two read differently: indented under a setting (the CLI reads it as part of
 *   that value), or a form only the SDK reads (`[profile.dev]`);
 * - a `[DEFAULT]` section setting an SSO name the sections lack: the CLI applies it to
 *   every section, the SDKs ignore it.
 *
 * Only what is being resolved counts; the rest of the file is not checked, as the SDKs do not
 * check it either.
 *
 * @internal
 */
export function describeSectionProblems(target: ProblemTarget): string[] {
  const { file, sections } = target;

  return [
    ...describeRepeats(target),
    ...sections.flatMap((section) => describeHeader(target, section)),
    ...describeLineProblems(file.filepath, sections, file.layout.lines),
    ...describeDefaults(target),
  ];
}

function describeRepeats(target: ProblemTarget): string[] {
  const { label, file, sections } = target;
  const read = new Set(sections.map((s) => s.header));
  const cliOnly = file.layout.lines.filter((line) => !read.has(line) && cliReadsAs(target, line));
  if (cliOnly.length === 0 && sections.length < 2) return [];

  if (sections.length === 0) {
    const form = target.kind === "profile" ? "[profile NAME]" : "[sso-session NAME]";
    return cliOnly.map(
      (line) =>
        `${file.filepath}:${line.number}: [${line.cliHeader}] is read as ${label} by the AWS ` +
        `CLI but not by the AWS SDKs. Write it as ${form}, with one space.`,
    );
  }

  const headers = [
    ...sections.map((s) => ({ line: s.header.number, shown: s.name })),
    ...cliOnly.map((line) => ({ line: line.number, shown: `${line.cliHeader}` })),
  ].sort((a, b) => a.line - b.line);
  const places = headers.map((h) => `line ${h.line}: [${h.shown}]`).join(", ");
  return [
    `${label} has ${headers.length} sections in ${file.filepath} (${places}). Tools ` +
      "disagree on which applies (the AWS CLI refuses a repeated section and otherwise uses " +
      "the last; the AWS SDKs merge them, prefer another, or do not read some); keep exactly " +
      "one.",
  ];
}

// Whether the AWS CLI reads this line as a header of the target.
function cliReadsAs(target: ProblemTarget, line: IniLine): boolean {
  if (line.cliHeader === undefined || line.continuation) return false;
  if (target.credentialsFile) return line.cliHeader === target.name;

  const named = cliSectionName(line.cliHeader);
  return named?.kind === target.kind && named.name === target.name;
}

function describeHeader(target: ProblemTarget, section: IniSection): string[] {
  const { header, name } = section;
  const at = `${target.file.filepath}:${header.number}: [${name}]`;

  if (header.continuation) {
    return [
      `${at} is indented under the setting above it, so the AWS CLI reads it as part of ` +
        "that value, not as a section (the AWS SDKs read a section). Remove its indentation.",
    ];
  }

  if (header.cliHeader !== name) {
    return [`${at} is read by the AWS CLI as [${header.cliHeader}]. Write the header alone.`];
  }

  if (!target.credentialsFile && !section.prefixed && name !== "default") {
    const word = name.startsWith("sso-session") ? "sso-session" : "profile";
    return [
      `${at} is read as ${target.label} by the AWS SDKs but not by the AWS CLI. Write ` +
        `[${word} NAME], with one space.`,
    ];
  }

  return [];
}

function describeDefaults({ label, file, sections }: ProblemTarget): string[] {
  const own = new Set(
    sections.flatMap((s) => s.lines).flatMap((line) => (line.entry ? [line.entry.name] : [])),
  );
  const defaults = file.layout.sections.filter(
    (s) => s.name === "DEFAULT" && s.header.cliHeader === "DEFAULT" && !s.header.continuation,
  );

  const problems: string[] = [];
  for (const line of defaults.flatMap((s) => s.lines)) {
    const name = line.entry?.name;
    if (!name || line.continuation || !SSO_PROFILE_KEYS.includes(name) || own.has(name)) continue;

    problems.push(
      `${file.filepath}:${line.number}: [DEFAULT] sets ${name}, which the AWS CLI applies ` +
        `to ${label} as well, while the AWS SDKs do not. Set ${name} in ${label} itself, ` +
        "or remove it from [DEFAULT].",
    );
  }

  return problems;
}
