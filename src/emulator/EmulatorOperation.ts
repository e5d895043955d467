/**
 * Every operation the emulator routes requests to, named as the services name them.
 * `Authorize` covers `/authorize` and its continuation, status and decision routes;
 * `DeviceVerification` covers the `/device` pages; `Index` is the overview page at `GET /`;
 * `Unknown` is any other request.
 *
 * @public
 */
export type EmulatorOperation =
  | "RegisterClient"
  | "StartDeviceAuthorization"
  | "CreateToken"
  | "CreateTokenWithIAM"
  | "Authorize"
  | "DeviceVerification"
  | "Index"
  | "GetRoleCredentials"
  | "ListAccounts"
  | "ListAccountRoles"
  | "Logout"
  | "VerifySession"
  | "ListSpaces"
  | "GetCallerIdentity"
  | "Unknown";

/** All operations, in a fixed order (counters list them in this order). @public */
export const EMULATOR_OPERATIONS: readonly EmulatorOperation[] = [
  "RegisterClient",
  "StartDeviceAuthorization",
  "CreateToken",
  "CreateTokenWithIAM",
  "Authorize",
  "DeviceVerification",
  "Index",
  "GetRoleCredentials",
  "ListAccounts",
  "ListAccountRoles",
  "Logout",
  "VerifySession",
  "ListSpaces",
  "GetCallerIdentity",
  "Unknown",
];

/** The SSO OIDC operations, whose errors are OIDC error shapes. @public */
export const OIDC_OPERATIONS: readonly EmulatorOperation[] = [
  "RegisterClient",
  "StartDeviceAuthorization",
  "CreateToken",
  "CreateTokenWithIAM",
];
