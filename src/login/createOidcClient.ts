import { SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import type { SsoOidcClientConfig } from "../refresh/index.js";

/** How a login's SSO OIDC client sends its requests. @internal */
export interface OidcClientSettings {
  /** The session's sso_region. */
  region: string;
  /** The caller's client options (endpoint, requestHandler, logger, ...). */
  clientConfig?: SsoOidcClientConfig;
  /** Bounds each HTTP request. */
  requestTimeoutMs: number;
  /** Attempts per call, the SDK's retries included. */
  maxAttempts: number;
}

/**
 * The official SSO OIDC client for a login, in the session's region. Without an `endpoint`
 * in `clientConfig`, the SDK honours `AWS_ENDPOINT_URL_SSO_OIDC` (then `AWS_ENDPOINT_URL`).
 *
 * @internal
 */
export function createOidcClient(settings: OidcClientSettings): SSOOIDCClient {
  return new SSOOIDCClient({
    requestHandler: { requestTimeout: settings.requestTimeoutMs },
    maxAttempts: settings.maxAttempts,
    ...settings.clientConfig,
    region: settings.region,
  });
}
