import { loadSsoConfig, resolveProfileName, type SsoConfig } from "../config/index.js";
import { UsageError } from "./UsageError.js";

/** What a command was told about which session to use. @internal */
export interface SessionSelector {
  profile?: string;
  "sso-session"?: string;
}

/**
 * The session a command acts on: `--sso-session S` names it; otherwise the profile is
 * `--profile`, then `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE` (as the AWS CLI v2 reads
 * them), then `default`. An unknown profile or session is an error that lists those that
 * exist (from `loadSsoConfig`).
 *
 * @throws UsageError when both `--profile` and `--sso-session` are given.
 * @internal
 */
export async function selectSsoConfig(
  command: string,
  selector: SessionSelector,
  env: NodeJS.ProcessEnv,
): Promise<SsoConfig> {
  if (selector.profile !== undefined && selector["sso-session"] !== undefined) {
    throw new UsageError("give --profile or --sso-session, not both", command);
  }
  if (selector["sso-session"] !== undefined) {
    return await loadSsoConfig({ ssoSession: selector["sso-session"], env });
  }

  const profile = resolveProfileName({
    profile: selector.profile,
    env,
    includeDefaultProfileEnv: true,
  });
  return await loadSsoConfig({ profile: profile.name, profileExplicit: true, env });
}
