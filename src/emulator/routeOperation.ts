import type { EmulatorOperation } from "./EmulatorOperation.js";

const ROUTES: Record<string, EmulatorOperation> = {
  "POST /client/register": "RegisterClient",
  "POST /device_authorization": "StartDeviceAuthorization",
  "POST /token": "CreateToken",
  "GET /authorize": "Authorize",
  "GET /authorize/continue": "Authorize",
  "GET /authorize/status": "Authorize",
  "POST /authorize/decision": "Authorize",
  "GET /device": "DeviceVerification",
  "POST /device/decision": "DeviceVerification",
  "GET /federation/credentials": "GetRoleCredentials",
  "GET /assignment/accounts": "ListAccounts",
  "GET /assignment/roles": "ListAccountRoles",
  "POST /logout": "Logout",
  "GET /session": "VerifySession",
  "POST /v1/spaces": "ListSpaces",
  "POST /": "GetCallerIdentity",
  "GET /": "Index",
};

/**
 * The operation a request is for, by method and path; one server answers for SSO OIDC, the
 * SSO portal, CodeCatalyst and STS because their paths do not overlap. `POST /token` with
 * `?aws_iam=t` is CreateTokenWithIAM. `POST /` is STS (the awsQuery protocol).
 *
 * @internal
 */
export function routeOperation(
  method: string,
  path: string,
  query: URLSearchParams,
): EmulatorOperation {
  // Clients may add a trailing slash to an endpoint with a path; treat it as the same.
  const normalized = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const operation = ROUTES[`${method} ${normalized}`] ?? "Unknown";
  if (operation === "CreateToken" && query.get("aws_iam") === "t") return "CreateTokenWithIAM";
  return operation;
}
