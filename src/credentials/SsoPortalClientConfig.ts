import type { SSOClientConfig } from "@aws-sdk/client-sso";

/**
 * Options for the SSO portal client that sends GetRoleCredentials (`@aws-sdk/client-sso`):
 * `endpoint`, `requestHandler`, `logger`, `maxAttempts` and the rest of `SSOClientConfig`.
 * The region is always the session's `sso_region`. Without an `endpoint`,
 * `AWS_ENDPOINT_URL_SSO` (then `AWS_ENDPOINT_URL`) is honoured, as by every SDK client; it is
 * separate from the SSO OIDC client's `AWS_ENDPOINT_URL_SSO_OIDC`.
 *
 * @public
 */
export type SsoPortalClientConfig = Omit<SSOClientConfig, "region">;
