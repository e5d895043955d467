import { splitShellWords } from "./splitShellWords.js";

/** What a config-file section header stands for, as the AWS CLI decides it. */
export type ConfigSectionKind =
  | { kind: "profile"; name: string }
  | { kind: "sso-session"; name: string }
  | { kind: "other" };

/**
 * Classifies a config-file section header as botocore's `build_profile_map` does: a header
 * that starts with `profile` or `sso-session` is split into words like a shell line
 * (`shlex.split`), and names a profile or session only when it has exactly two words, the
 * second being the name (so `[profile  dev ]` and `[profile "dev"]` are profile `dev`, while
 * `[ profile dev]` and `[profile a b]` are nothing). `[default]` is profile `default`.
 *
 * This copies the CLI quirk that only the start is compared: `[profiles dev]` is also
 * profile `dev`, because its header starts with `profile`.
 *
 * @internal
 */
export function classifyConfigSection(header: string): ConfigSectionKind {
  if (header.startsWith("profile")) {
    const name = secondOfTwoWords(header);
    return name === undefined ? { kind: "other" } : { kind: "profile", name };
  }

  if (header.startsWith("sso-session")) {
    const name = secondOfTwoWords(header);
    return name === undefined ? { kind: "other" } : { kind: "sso-session", name };
  }

  if (header === "default") return { kind: "profile", name: "default" };

  return { kind: "other" };
}

function secondOfTwoWords(header: string): string | undefined {
  const words = splitShellWords(header);
  return words?.length === 2 ? words[1] : undefined;
}
