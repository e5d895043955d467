import type { SsoPortalClientConfig } from "./SsoPortalClientConfig.js";
import { SsoRoleCredentials } from "./SsoRoleCredentials.js";

/** What one GetRoleCredentials call sends. @internal */
export interface RoleCredentialsRequest {
  /** The session's `sso_region`; the portal is called there. */
  region: string;
  accessToken: string;
  accountId: string;
  roleName: string;
}

/** Each portal request ends after this long unless `clientConfig` says otherwise. @internal */
export const PORTAL_REQUEST_TIMEOUT_MS = 10_000;

/**
 * An answer of the portal that carries no usable credentials. @internal
 */
export class UnusableRoleCredentialsError extends Error {
  override name = "UnusableRoleCredentialsError";
}

/**
 * Sends the SSO portal's GetRoleCredentials through `@aws-sdk/client-sso` in the session's
 * region and checks the answer. The client is loaded here, on first use, so importing this
 * package does not load it; it is created per call and destroyed after it, so no connection
 * outlives the call.
 *
 * @throws the client's error (`UnauthorizedException`, `ForbiddenException`, network errors)
 *   as it is, or {@link UnusableRoleCredentialsError} when a field is missing.
 * @internal
 */
export async function requestRoleCredentials(
  request: RoleCredentialsRequest,
  clientConfig: SsoPortalClientConfig | undefined,
): Promise<SsoRoleCredentials> {
  const { SSOClient, GetRoleCredentialsCommand } = await import("@aws-sdk/client-sso");
  const client = new SSOClient({
    requestHandler: { requestTimeout: PORTAL_REQUEST_TIMEOUT_MS },
    ...clientConfig,
    region: request.region,
  });

  let answer;
  try {
    answer = await client.send(
      new GetRoleCredentialsCommand({
        accessToken: request.accessToken,
        accountId: request.accountId,
        roleName: request.roleName,
      }),
    );
  } finally {
    client.destroy();
  }

  const { accessKeyId, secretAccessKey, sessionToken, expiration } = answer.roleCredentials ?? {};
  const missing = Object.entries({ accessKeyId, secretAccessKey, sessionToken })
    .filter(([, value]) => typeof value !== "string" || value === "")
    .map(([key]) => key);
  if (typeof expiration !== "number" || !Number.isFinite(expiration)) missing.push("expiration");
  if (missing.length > 0) {
    throw new UnusableRoleCredentialsError(
      `GetRoleCredentials answered without ${missing.join(", ")}`,
    );
  }

  return new SsoRoleCredentials({
    accessKeyId: accessKeyId as string,
    secretAccessKey: secretAccessKey as string,
    sessionToken: sessionToken as string,
    // The portal sends epoch milliseconds.
    expiration: new Date(expiration as number),
    accountId: request.accountId,
  });
}
