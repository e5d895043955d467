import type { EmulatorResponse } from "./EmulatorResponse.js";

const PORTAL_ERROR_NAMESPACE = "http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/";

/** Error shapes of the SSO portal (`@aws-sdk/client-sso`) and the statuses they use. @internal */
export const PORTAL_ERROR_STATUS = {
  InvalidRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  ResourceNotFoundException: 404,
  TooManyRequestsException: 429,
  InternalServerException: 500,
} as const;

/** A portal error shape name. @internal */
export type PortalErrorShape = keyof typeof PORTAL_ERROR_STATUS;

/**
 * An SSO portal error: status, `x-amzn-ErrorType` and a JSON body with `message`.
 * `ForbiddenException` and `InternalServerException` are not in the model; the real portal
 * sends the first for a role that is not assigned, and clients map both to the base class.
 *
 * @internal
 */
export function portalError(shape: PortalErrorShape, message: string): EmulatorResponse {
  return {
    kind: "send",
    status: PORTAL_ERROR_STATUS[shape],
    headers: {
      "content-type": "application/json",
      "x-amzn-ErrorType": `${shape}:${PORTAL_ERROR_NAMESPACE}`,
    },
    body: JSON.stringify({ message }),
    error: shape,
  };
}
