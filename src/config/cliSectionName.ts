/** What a config-file section header names, as the AWS CLI reads it. */
export interface CliSectionName {
  kind: "profile" | "sso-session";
  name: string;
}

// `prefix name` or `prefix "name with spaces"`, as botocore's shell-like split finds them.
const TWO_WORDS = /^(\S+)\s+(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*$/;

/**
 * Names a config-file header (the text between `[` and `]`) as botocore does: `default` is
 * profile "default"; a header starting with `profile` or `sso-session` that splits into two
 * words names the profile or session in its second word, quotes removed (so `[profile  dev ]`
 * and `[profile "dev"]` are profile "dev"). An approximation of botocore's `shlex.split`:
 * backslash escapes and quotes inside a word are not interpreted. Undefined for any other
 * header.
 *
 * @internal
 */
export function cliSectionName(header: string): CliSectionName | undefined {
  if (header === "default") return { kind: "profile", name: "default" };

  const kind = header.startsWith("profile")
    ? "profile"
    : header.startsWith("sso-session")
      ? "sso-session"
      : undefined;
  const words = TWO_WORDS.exec(header);
  if (!kind || !words) return undefined;

  return { kind, name: words[2] ?? words[3] ?? words[4] ?? "" };
}
