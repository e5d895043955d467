import { describeLoginTarget, loginAdvice, SsoTokenProviderError } from "../errors/index.js";
import type { RoleTarget } from "./resolveRoleTarget.js";

/** True for the portal's answer to an access token it does not accept. @internal */
export function isUnauthorized(error: unknown): boolean {
  return (error as { name?: unknown } | undefined)?.name === "UnauthorizedException";
}

/**
 * The error for a failed GetRoleCredentials: which role, account and session, what the
 * portal (or the network) said, and what to do about it. CREDENTIALS_FAILED, never skippable.
 *
 * @internal
 */
export function roleCredentialsError(target: RoleTarget, error: unknown): SsoTokenProviderError {
  const { config, accountId, roleName } = target;
  const what = describeError(error);
  const intro =
    `Role credentials for role '${roleName}' in account ${accountId} through ` +
    `${describeLoginTarget(config)}:`;

  let text: string;
  if (isUnauthorized(error)) {
    text =
      `the SSO portal (${config.region}) refused the access token, even after a refresh ` +
      `(${what}). The session has ended or was signed out. ${loginAdvice(config)}`;
  } else if ((error as { name?: unknown }).name === "ForbiddenException") {
    const where =
      config.profileName !== undefined
        ? `sso_account_id and sso_role_name of profile '${config.profileName}' in ` +
          config.configFilepath
        : "the accountId and roleName options";
    text =
      `the SSO portal refused this role (${what}): the signed-in user has no such ` +
      `assignment. Check ${where}; \`aws sso list-account-roles\` lists the roles you have.`;
  } else {
    text = `GetRoleCredentials in ${config.region} failed: ${what}.`;
  }

  return new SsoTokenProviderError(`${intro} ${text}`, {
    code: "CREDENTIALS_FAILED",
    cause: error,
  });
}

// The SDK's error name and message (its messages carry no token), or the error as text.
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const withCode = typeof code === "string" && code !== error.name;
  const name = withCode ? `${error.name} ${code}` : error.name;
  return error.message ? `${name}: ${error.message}` : name;
}
