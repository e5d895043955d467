import { LogoutCommand, SSOClient, type SSOClientConfig } from "@aws-sdk/client-sso";

import { describeServiceError } from "./describeServiceError.js";

/** What the portal's Logout did. @public */
export type PortalLogoutOutcome =
  | { status: "done" }
  /** Not sent: no region known, or the token had expired already. */
  | { status: "skipped"; reason: string }
  /** Sent and failed; logout went on (best effort, as the AWS CLI). No secret in `reason`. */
  | { status: "failed"; reason: string };

/** Options of the SSO portal client used for Logout: endpoint, requestHandler, ... @public */
export type SsoPortalClientConfig = Omit<SSOClientConfig, "region">;

const LOGOUT_REQUEST_TIMEOUT_MS = 5_000;

/**
 * Ends the portal session of an access token (SSO `Logout`, POST /logout), as `aws sso
 * logout` does: best effort, once, within a few seconds. Without an `endpoint` in
 * `clientConfig` the SDK honours `AWS_ENDPOINT_URL_SSO` (then `AWS_ENDPOINT_URL`).
 *
 * @internal
 */
export async function signOutOfPortal(
  accessToken: string,
  region: string,
  clientConfig?: SsoPortalClientConfig,
): Promise<PortalLogoutOutcome> {
  const client = new SSOClient({
    requestHandler: { requestTimeout: LOGOUT_REQUEST_TIMEOUT_MS },
    maxAttempts: 1,
    ...clientConfig,
    region,
  });
  try {
    await client.send(new LogoutCommand({ accessToken }));
    return { status: "done" };
  } catch (error) {
    return { status: "failed", reason: describeServiceError("SSO Logout", error).text };
  } finally {
    client.destroy();
  }
}
