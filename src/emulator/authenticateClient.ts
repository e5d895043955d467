import type { EmulatorContext } from "./EmulatorContext.js";
import type { ClientRecord } from "./EmulatorStore.js";
import { OidcFailure } from "./OidcFailure.js";
import { requiredString } from "./readMembers.js";

/**
 * The client named by `clientId` and `clientSecret` in an SSO OIDC request body. Missing
 * members are `invalid_request`; an unknown client, a wrong secret or an expired
 * registration is `invalid_client` (401).
 *
 * @internal
 */
export function authenticateClient(
  context: EmulatorContext,
  body: Record<string, unknown>,
): ClientRecord {
  const clientId = requiredString(body, "clientId");
  const clientSecret = requiredString(body, "clientSecret");

  const result = context.store.authenticateClient(clientId, clientSecret);
  if (typeof result === "string") throw new OidcFailure("InvalidClientException", result);
  return result;
}
