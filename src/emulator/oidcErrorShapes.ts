/**
 * The error shapes of the SSO OIDC model, each with the HTTP status and the OAuth `error`
 * code the service sends (see the model in `@aws-sdk/client-sso-oidc`).
 *
 * @public
 */
export const OIDC_ERROR_SHAPES = {
  AccessDeniedException: { status: 400, error: "access_denied" },
  AuthorizationPendingException: { status: 400, error: "authorization_pending" },
  ExpiredTokenException: { status: 400, error: "expired_token" },
  InternalServerException: { status: 500, error: "server_error" },
  InvalidClientException: { status: 401, error: "invalid_client" },
  InvalidClientMetadataException: { status: 400, error: "invalid_client_metadata" },
  InvalidGrantException: { status: 400, error: "invalid_grant" },
  InvalidRedirectUriException: { status: 400, error: "invalid_redirect_uri" },
  InvalidRequestException: { status: 400, error: "invalid_request" },
  InvalidRequestRegionException: { status: 400, error: "invalid_request" },
  InvalidScopeException: { status: 400, error: "invalid_scope" },
  SlowDownException: { status: 400, error: "slow_down" },
  UnauthorizedClientException: { status: 400, error: "unauthorized_client" },
  UnsupportedGrantTypeException: { status: 400, error: "unsupported_grant_type" },
} as const satisfies Record<string, { status: number; error: string }>;

/** The name of an SSO OIDC error shape, e.g. `"InvalidGrantException"`. @public */
export type OidcErrorShape = keyof typeof OIDC_ERROR_SHAPES;

/** The namespace the service appends to `x-amzn-ErrorType`. @internal */
export const OIDC_ERROR_NAMESPACE = "http://internal.amazon.com/coral/com.amazonaws.sso.oidc/";

/** Whether a string names an SSO OIDC error shape. @internal */
export function isOidcErrorShape(value: unknown): value is OidcErrorShape {
  return typeof value === "string" && Object.hasOwn(OIDC_ERROR_SHAPES, value);
}
