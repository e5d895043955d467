import type { EmulatorResponse } from "./EmulatorResponse.js";
import { OIDC_ERROR_NAMESPACE, OIDC_ERROR_SHAPES, type OidcErrorShape } from "./oidcErrorShapes.js";

/**
 * An SSO OIDC error as the service encodes it: the shape's status, the header
 * `x-amzn-ErrorType: <Shape>:<namespace>` (clients map the error from it), and a JSON body
 * with the OAuth fields `error` and `error_description`.
 *
 * @internal
 */
export function oidcError(
  shape: OidcErrorShape,
  description: string,
  extra: Record<string, string> = {},
): EmulatorResponse {
  const { status, error } = OIDC_ERROR_SHAPES[shape];

  return {
    kind: "send",
    status,
    headers: {
      "content-type": "application/json",
      "x-amzn-ErrorType": `${shape}:${OIDC_ERROR_NAMESPACE}`,
    },
    body: JSON.stringify({ error, error_description: description, ...extra }),
    error: shape,
  };
}
