import type { SSOOIDCClientConfig } from "@aws-sdk/client-sso-oidc";

/**
 * Options for the SSO OIDC client that sends CreateToken: `endpoint`, `requestHandler`,
 * `logger`, `maxAttempts` and the rest of `SSOOIDCClientConfig`. The region is always the
 * session's `sso_region`. Without an `endpoint`, `AWS_ENDPOINT_URL_SSO_OIDC` (then
 * `AWS_ENDPOINT_URL`) is honoured, as by every SDK client.
 *
 * @public
 */
export type SsoOidcClientConfig = Omit<SSOOIDCClientConfig, "region">;
