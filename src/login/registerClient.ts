import { RegisterClientCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import { ClientRegistration, type LoginFlow } from "./ClientRegistration.js";
import {
  DEFAULT_PKCE_SCOPES,
  PKCE_GRANT_TYPES,
  REGISTERED_REDIRECT_URI,
} from "./constants.js";
import { describeServiceError } from "./describeServiceError.js";
import type { LoginContext } from "./LoginContext.js";
import { loginError } from "./loginError.js";

/**
 * Registers a public client for one login flow, as the AWS CLI does:
 *
 * - device flow: `clientName`, `clientType: "public"`, and the configured scopes only when
 *   some are configured;
 * - PKCE flow: also `grantTypes` `authorization_code` and `refresh_token`, the redirect URI
 *   `http://127.0.0.1/oauth/callback` (no port: a loopback URI matches any), `issuerUrl` =
 *   the start URL, and the configured scopes or `sso:account:access`.
 *
 * The client name is `botocore-client-<session name>`, or `botocore-client-<unix seconds>`
 * for a legacy profile, because the registration is cached where the AWS CLI looks for its
 * own and both tools reuse it.
 *
 * @internal
 */
export async function registerClient(
  context: LoginContext,
  client: SSOOIDCClient,
  flow: LoginFlow,
): Promise<ClientRegistration> {
  const { config } = context;
  const configured = config.registrationScopes;
  const scopes = flow === "pkce" ? (configured ?? [...DEFAULT_PKCE_SCOPES]) : configured;
  const clientName =
    config.kind === "session" && config.sessionName !== undefined
      ? `botocore-client-${config.sessionName}`
      : `botocore-client-${Math.floor(context.now() / 1000)}`;

  let response;
  try {
    response = await client.send(
      new RegisterClientCommand({
        clientName,
        clientType: "public",
        ...(scopes !== undefined && scopes.length > 0 ? { scopes: [...scopes] } : {}),
        ...(flow === "pkce"
          ? {
              grantTypes: [...PKCE_GRANT_TYPES],
              redirectUris: [REGISTERED_REDIRECT_URI],
              issuerUrl: config.startUrl,
            }
          : {}),
      }),
      { abortSignal: context.signal },
    );
  } catch (error) {
    const summary = describeServiceError("SSO OIDC RegisterClient", error);
    const advice =
      summary.error === "invalid_scope"
        ? `check sso_registration_scopes in ${config.configFilepath}`
        : "check sso_region and the network, then run the login again";
    throw loginError(config, `${summary.text}; ${advice}.`, { cause: error });
  }

  const { clientId, clientSecret, clientSecretExpiresAt } = response;
  if (!clientId || !clientSecret || !(typeof clientSecretExpiresAt === "number")) {
    throw loginError(
      config,
      "SSO OIDC RegisterClient answered without clientId, clientSecret or " +
        "clientSecretExpiresAt; check that the endpoint is an SSO OIDC service.",
    );
  }

  return new ClientRegistration({
    clientId,
    clientSecret,
    expiresAt: new Date(clientSecretExpiresAt * 1000),
    // The CLI caches scopes for the device flow only when configured, for PKCE always.
    ...(scopes !== undefined && scopes.length > 0 ? { scopes } : {}),
    ...(flow === "pkce" ? { grantTypes: PKCE_GRANT_TYPES } : {}),
  });
}
