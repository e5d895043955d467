/** The part of a session's configuration that decides which login command fixes it. */
export interface LoginTarget {
  kind: "session" | "legacy";
  sessionName?: string;
  profileName?: string;
}

/**
 * The sentence that tells a person what to run when only a new login helps: the AWS CLI's
 * command and this package's own, for the session (or, for a legacy profile, the profile).
 * `npx --no-install` runs the installed command and never fetches a package of that name.
 *
 * @internal
 */
export function loginAdvice(target: LoginTarget): string {
  const selector =
    target.kind === "session" && target.sessionName !== undefined
      ? `--sso-session ${quoteArgument(target.sessionName)}`
      : `--profile ${quoteArgument(target.profileName ?? "default")}`;
  return `Run \`aws sso login ${selector}\` or \`npx --no-install sso-token-provider login ${selector}\`.`;
}

/**
 * Names what a message is about: `sso-session 'x' (profile 'dev')`, or `profile 'dev'` for a
 * legacy profile.
 *
 * @internal
 */
export function describeLoginTarget(target: LoginTarget): string {
  if (target.kind === "session" && target.sessionName !== undefined) {
    const viaProfile = target.profileName ? ` (profile '${target.profileName}')` : "";
    return `sso-session '${target.sessionName}'${viaProfile}`;
  }
  return `legacy SSO profile '${target.profileName ?? "default"}'`;
}

// Session names may hold characters a shell treats specially (the SDK allows `@+.%:/`).
function quoteArgument(value: string): string {
  return /^[\w@+.%:/=-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
