import { configProfileName, sessionNameOf } from "./findSections.js";
import type { IniLine } from "./scanIniLines.js";
import type { SharedFiles } from "./SharedFiles.js";

/** What was asked for: a profile or an sso-session, by name. */
export interface NearMissTarget {
  kind: "profile" | "sso-session";
  name: string;
}

/**
 * Finds header lines that look meant for the asked profile or session but that the AWS SDKs
 * do not read as such (`[ profile dev]`, `[dev]` in the config file, `[Profile dev]`,
 * `[sso_session corp]`, `[profile  dev ]`, `[profile "dev team"]`, `[profile dev` without its
 * `]`, `[profile dev]` in the credentials file, a name in another case...), and says for each
 * why, as a sentence with file and line.
 *
 * @internal
 */
export function describeNearMisses(shared: SharedFiles, target: NearMissTarget): string[] {
  const hints: string[] = [];

  for (const candidate of headerLike(shared.config.layout.lines)) {
    const why = whyNotInConfig(candidate, target);
    if (why) hints.push(`${shared.config.filepath}:${candidate.line}: ${candidate.shown} ${why}.`);
  }

  const credentials = shared.credentials;
  for (const candidate of headerLike(credentials?.layout.lines ?? [])) {
    const why = whyNotInCredentials(candidate, target);
    if (why) hints.push(`${credentials?.filepath}:${candidate.line}: ${candidate.shown} ${why}.`);
  }

  return hints;
}

interface Candidate {
  line: number;
  /** The header text without brackets, as written. */
  header: string;
  /** How to show it in a message. */
  shown: string;
  /** No closing `]`, so no tool reads it as a header. */
  unclosed: boolean;
  /** The AWS CLI reads it as a header and the SDKs do not (text after the `]`). */
  cliOnly: boolean;
}

function headerLike(lines: readonly IniLine[]): Candidate[] {
  const found: Candidate[] = [];

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (line.skipped || line.continuation || !trimmed.startsWith("[")) continue;

    const closed = line.sdkHeader || line.cliHeader !== undefined;
    const header = line.sdkHeaderText ?? line.cliHeader ?? trimmed.slice(1);
    found.push({
      line: line.number,
      header,
      shown: closed ? `[${header}]` : trimmed,
      unclosed: !closed,
      cliOnly: !line.sdkHeader && closed,
    });
  }

  return found;
}

// Words of a header read loosely: trimmed, split on spaces, quotes around words dropped.
function looseWords(header: string): string[] {
  return header
    .trim()
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => word.replace(/^["']|["']$/g, ""));
}

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function describeKind(target: NearMissTarget): string {
  return target.kind === "profile" ? "a profile" : "an sso-session";
}

function whyNotInConfig(candidate: Candidate, target: NearMissTarget): string | undefined {
  const words = looseWords(candidate.header);
  const last = words[words.length - 1];
  const rest = words.slice(1).join(" ");
  if (!sameName(last, target.name) && !sameName(rest, target.name)) return undefined;

  const prefix = words.length > 1 ? (words[0] ?? "").toLowerCase() : "";
  const wanted = target.kind === "profile" ? "profile" : "sso-session";

  if (candidate.unclosed) return 'has no closing "]", so it is not read as a header';
  if (candidate.cliOnly) {
    return 'is not read as a header by the AWS SDKs because of the text after "]"; write ' +
      "the header alone on its line";
  }
  if (/^\s/.test(candidate.header)) {
    return `has a space after "[", so it is not read as ${describeKind(target)}`;
  }

  if (words.length === 1) return whySingleWord(candidate, target);

  if (prefix === "sso_session" || prefix === "ssosession" || prefix === "sso-sessions") {
    return target.kind === "sso-session"
      ? "is not an sso-session: the word is sso-session, with a hyphen"
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
  if (words.length > 2 || /\s/.test(target.name)) {
    return "is not read: the AWS SDKs cannot read names with spaces (the AWS CLI can, in " +
      "quotes); rename it, and whatever refers to it, to a name without spaces";
  }
  if (last !== target.name) return `names "${last}": names are case-sensitive`;

  return (
    `is not read: the AWS SDKs want exactly [${wanted} NAME], one space between, the NAME ` +
    "made of letters, digits and - _ @ + . % : / (the AWS CLI is more lenient); write " +
    `[${wanted} ${target.name}]`
  );
}

function whySingleWord(candidate: Candidate, target: NearMissTarget): string {
  if (/\s$/.test(candidate.header)) {
    return `has a space before "]", so it is not read as ${describeKind(target)}`;
  }
  if (target.kind === "profile" && target.name === "default") {
    return "is not read: only [default], in lower case, is the default profile";
  }

  return target.kind === "profile"
    ? `is not a profile: in the config file write [profile ${target.name}] (only [default] ` +
        "may leave out the word profile)"
    : `is not an sso-session: write [sso-session ${target.name}]`;
}

function whyNotInCredentials(candidate: Candidate, target: NearMissTarget): string | undefined {
  const words = looseWords(candidate.header);

  if (target.kind === "sso-session") {
    const isSession = words[0] === "sso-session" && sameName(words[words.length - 1], target.name);
    if (!isSession) return undefined;
    return "is in the credentials file; sso-session sections belong in the config file";
  }

  const header = candidate.header;
  if (header === target.name && !candidate.unclosed && !candidate.cliOnly) return undefined;
  if (!sameName(words[words.length - 1], target.name)) return undefined;

  if (candidate.unclosed) return 'has no closing "]", so it is not read as a header';
  if (candidate.cliOnly) {
    return 'is not read as a header by the AWS SDKs because of the text after "]"';
  }
  if (words.length === 2 && words[0] === "profile") {
    return (
      `names profile "${header}": in the credentials file write [${words[1]}], ` +
      "without the word profile"
    );
  }
  if (header.trim() === target.name) {
    return "has spaces inside the brackets, which are kept as part of the name";
  }
  if (words.length === 1) return `names "${header}": names are case-sensitive`;

  return undefined;
}

/**
 * Finds `[profile ...]` and `[sso-session ...]` headers of the config file that the AWS SDKs
 * do not read as such although SSO settings follow them (so someone meant them for SSO), and
 * says for each why, as a sentence with file and line. For listings, which would otherwise
 * leave them out without a word.
 *
 * @internal
 */
export function describeUnreadSsoHeaders(shared: SharedFiles): string[] {
  const { filepath, layout } = shared.config;
  const hints: string[] = [];

  const read = new Set(
    layout.sections
      .filter((s) => configProfileName(s) !== undefined || sessionNameOf(s) !== undefined)
      .map((s) => s.header.number),
  );

  for (const candidate of headerLike(layout.lines)) {
    const [word = "", ...rest] = looseWords(candidate.header);
    if (read.has(candidate.line) || !/^(profile|sso[-_]session)$/i.test(word)) continue;
    if (!followedBySso(layout.lines, candidate)) continue;

    const kind = /^sso/i.test(word) ? "sso-session" : "profile";
    const why = whyNotInConfig(candidate, { kind, name: rest.join(" ") });
    if (why) hints.push(`${filepath}:${candidate.line}: ${candidate.shown} ${why}.`);
  }

  return hints;
}

// Whether a line between this header and the next one sets an sso_* name.
function followedBySso(lines: readonly IniLine[], candidate: Candidate): boolean {
  for (const line of lines.slice(candidate.line)) {
    if (line.text.trim().startsWith("[")) return false;
    if (line.entry?.name.startsWith("sso_")) return true;
  }
  return false;
}
