import type { EmulatorContext } from "./EmulatorContext.js";
import { jsonResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { DEVICE_CODE_GRANT } from "./EmulatorStore.js";
import { answerOidc, OidcFailure } from "./OidcFailure.js";
import type { ParsedRequest } from "./ParsedRequest.js";
import { oidcBody, optionalString, requiredString, stringList } from "./readMembers.js";
import { isAcceptableRedirectUri } from "./redirectUris.js";

const GRANT_TYPES = new Set(["authorization_code", "refresh_token", DEVICE_CODE_GRANT]);

/**
 * SSO OIDC `RegisterClient` (POST /client/register): checks the metadata and answers with a
 * new client id and secret, valid for the registration lifetime.
 *
 * @internal
 */
export function handleRegisterClient(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  return answerOidc(() => {
    const body = oidcBody(request);
    const clientName = requiredString(body, "clientName");
    const clientType = requiredString(body, "clientType");
    const scopes = stringList(body, "scopes");
    const grantTypes = stringList(body, "grantTypes");
    const redirectUris = stringList(body, "redirectUris");
    optionalString(body, "issuerUrl");

    if (clientType !== "public") {
      throw new OidcFailure("InvalidClientMetadataException", "Invalid client type");
    }
    for (const scope of scopes) {
      if (scope === "" || /\s/.test(scope)) {
        throw new OidcFailure("InvalidScopeException", "Invalid scope requested");
      }
    }
    for (const grantType of grantTypes) {
      if (!GRANT_TYPES.has(grantType)) {
        throw new OidcFailure("UnsupportedGrantTypeException", "Unsupported grant type");
      }
    }
    for (const uri of redirectUris) {
      if (!isAcceptableRedirectUri(uri)) {
        throw new OidcFailure("InvalidRedirectUriException", "Invalid redirect URI");
      }
    }
    const usesCodes = grantTypes.includes("authorization_code");
    if (usesCodes && redirectUris.length === 0) {
      throw new OidcFailure(
        "InvalidRedirectUriException",
        "redirectUris are required for the authorization_code grant",
      );
    }

    const client = context.store.registerClient({ clientName, scopes, grantTypes, redirectUris });

    const endpoints = {
      authorizationEndpoint: `${context.url}/authorize`,
      tokenEndpoint: `${context.url}/token`,
    };
    return jsonResponse({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      clientIdIssuedAt: Math.floor(client.issuedAt / 1000),
      clientSecretExpiresAt: Math.floor(client.expiresAt / 1000),
      ...(usesCodes ? endpoints : {}),
    });
  });
}
