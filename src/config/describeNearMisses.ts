import type { IniSection } from "./IniDocument.js";
import type { SharedConfig } from "./SharedConfig.js";

/** What was asked for: a profile or an sso-session, by name. */
export interface NearMissTarget {
  kind: "profile" | "sso-session";
  name: string;
}

/**
 * Finds section headers that look meant for the asked profile or session but that the AWS
 * CLI does not read as such (`[ profile dev]`, `[dev]` in the config file, `[Profile dev]`,
 * `[sso_session corp]`, `[profile dev` without its `]`, `[profile dev]` in the credentials
 * file, a name in another case...), and says for each why, as a sentence with file and line.
 *
 * @internal
 */
export function describeNearMisses(shared: SharedConfig, target: NearMissTarget): string[] {
  const { configFilepath, credentialsFilepath } = shared.paths;
  const hints: string[] = [];

  const configHeaders = [
    ...shared.config.sections.map((s) => headerAt(s)),
    ...shared.config.problems.filter((p) => p.text.startsWith("[")).map((p) => brokenAt(p)),
  ];
  for (const candidate of configHeaders) {
    const why = whyNotInConfig(candidate, target);
    if (why) hints.push(`${configFilepath}:${candidate.line}: ${candidate.shown} ${why}.`);
  }

  for (const section of shared.credentials?.sections ?? []) {
    const why = whyNotInCredentials(headerAt(section), target);
    if (why) hints.push(`${credentialsFilepath}:${section.line}: [${section.header}] ${why}.`);
  }

  return hints;
}

interface Candidate {
  line: number;
  /** The header text without brackets. */
  header: string;
  /** How to show it in a message. */
  shown: string;
  /** Whether the closing `]` is missing. */
  unclosed: boolean;
}

function headerAt(section: IniSection): Candidate {
  const { line, header } = section;
  return { line, header, shown: `[${header}]`, unclosed: false };
}

function brokenAt(problem: { line: number; text: string }): Candidate {
  const { line, text } = problem;
  return { line, header: text.slice(1), shown: text, unclosed: true };
}

// Words of a header read loosely: trimmed, split on spaces, quotes around words dropped.
function looseWords(header: string): string[] {
  return header
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => word.replace(/^["']|["']$/g, ""));
}

function describeKind(target: NearMissTarget): string {
  return target.kind === "profile" ? "a profile" : "an sso-session";
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function whyNotInConfig(candidate: Candidate, target: NearMissTarget): string | undefined {
  const words = looseWords(candidate.header);
  const last = words[words.length - 1];
  if (!sameName(last, target.name)) return undefined;

  const prefix = words.length > 1 ? (words[0] ?? "").toLowerCase() : "";
  const wanted = target.kind === "profile" ? "profile" : "sso-session";

  if (candidate.unclosed) {
    return 'has no closing "]", so the AWS CLI does not read it as a header';
  }
  if (/^\s/.test(candidate.header)) {
    return `has a space after "[", so the AWS CLI does not read it as ${describeKind(target)}`;
  }

  if (words.length === 1 && /\s$/.test(candidate.header)) {
    return `has a space before "]", so the AWS CLI does not read it as ${describeKind(target)}`;
  }
  if (words.length === 1 && target.kind === "profile" && target.name === "default") {
    return "is not read: only [default], in lower case, is the default profile";
  }
  if (words.length === 1) {
    return target.kind === "profile"
      ? `is not a profile: in the config file write [profile ${target.name}] (only [default] ` +
          "may leave out the word profile)"
      : `is not an sso-session: write [sso-session ${target.name}]`;
  }

  if (prefix === "sso_session" || prefix === "ssosession" || prefix === "sso-sessions") {
    return target.kind === "sso-session"
      ? `is not an sso-session: the word is sso-session, with a hyphen`
      : undefined;
  }

  if (target.kind === "profile" && prefix === "sso-session") {
    return `is an sso-session, not a profile; a profile uses it with sso_session = ${last}`;
  }
  if (target.kind === "sso-session" && prefix.startsWith("profile")) {
    return "is a profile, not an sso-session";
  }

  if (prefix !== wanted) return undefined;
  if (words[0] !== wanted) return `is not read: the word ${wanted} must be lower-case`;
  if (words.length > 2) {
    const quoted = `[${wanted} "${words.slice(1).join(" ")}"]`;
    return `is not read: a name with spaces must be quoted, as in ${quoted}`;
  }
  if (last !== target.name) return `names "${last}": names are case-sensitive`;

  return undefined;
}

function whyNotInCredentials(candidate: Candidate, target: NearMissTarget): string | undefined {
  if (target.kind === "sso-session") {
    const words = looseWords(candidate.header);
    const isSession = words[0] === "sso-session" && sameName(words[words.length - 1], target.name);
    if (!isSession) return undefined;
    return "is in the credentials file; sso-session sections belong in the config file";
  }

  const header = candidate.header;
  if (header === target.name) return undefined;

  const words = looseWords(header);
  if (words.length === 2 && words[0] === "profile" && sameName(words[1], target.name)) {
    return (
      `names profile "${header}": in the credentials file write [${words[1]}], ` +
      "without the word profile"
    );
  }
  if (sameName(header.trim(), target.name)) {
    return header.trim() === target.name
      ? "has spaces inside the brackets, which the AWS CLI keeps as part of the name"
      : `names "${header}": names are case-sensitive`;
  }

  return undefined;
}
