import type { IniDocument, IniSection } from "./IniDocument.js";
import type { SharedConfig } from "./SharedConfig.js";

/** The sections one profile or session is made of, with a label for messages. */
export interface ProblemTarget {
  /** How messages name it, e.g. `profile "dev"` or `sso-session "corp"`. */
  label: string;
  /** Its sections in the config file. */
  config: readonly IniSection[];
  /** Its sections in the credentials file (none for a session). */
  credentials: readonly IniSection[];
}

/**
 * Lists, as sentences naming the file and line, what the AWS CLI would refuse in the sections
 * of a profile or session (and in the `[DEFAULT]` section of a file that contributes to it):
 * a repeated section, a repeated entry, a line that is no entry, a broken nested value.
 *
 * This is our rule for files the CLI refuses outright: we refuse them only where the problem
 * touches what is being resolved, and read the rest. The AWS SDKs accept such files without a
 * word, so refusing everything would break setups that work elsewhere, while reading a
 * profile that tools disagree about would hide the disagreement.
 *
 * @internal
 */
export function describeProblems(shared: SharedConfig, target: ProblemTarget): string[] {
  const { configFilepath, credentialsFilepath } = shared.paths;

  return [
    ...describeRepeats(target.label, configFilepath, target.config),
    ...describeRepeats(target.label, credentialsFilepath, target.credentials),
    ...describeLines(configFilepath, shared.config, target.config),
    ...describeLines(credentialsFilepath, shared.credentials, target.credentials),
  ];
}

function describeRepeats(
  label: string,
  filepath: string,
  sections: readonly IniSection[],
): string[] {
  if (sections.length < 2) return [];

  const places = sections.map((s) => `line ${s.line}: [${s.header}]`).join(", ");
  return [
    `${label} has ${sections.length} sections in ${filepath} (${places}). Tools disagree on ` +
      "which applies (the AWS CLI refuses a repeated header, and otherwise uses the last " +
      "section; the AWS SDKs merge them or prefer another); keep exactly one.",
  ];
}

function describeLines(
  filepath: string,
  document: IniDocument | undefined,
  sections: readonly IniSection[],
): string[] {
  if (!document || sections.length === 0) return [];

  const touched = new Set<IniSection>(sections);
  if (document.defaults) touched.add(document.defaults);

  return document.problems
    .filter((problem) => problem.section !== undefined && touched.has(problem.section))
    .map((problem) => `${filepath}:${problem.line}: ${problem.reason}.`);
}
