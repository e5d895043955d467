// The local emulator of AWS SSO OIDC and the few portal, CodeCatalyst and STS calls that go
// with it. Exported as `sso-token-provider/emulator`.

export { startEmulator } from "./startEmulator.js";
export { Emulator } from "./Emulator.js";
export { emulatorEnvironment, emulatorEnvironmentLines } from "./emulatorEnvironment.js";
export type { EnvironmentShell } from "./emulatorEnvironment.js";
export type { EmulatorOptions, EmulatorAccount, EmulatorSpace } from "./EmulatorOptions.js";
export type {
  ApprovalDecision,
  ApprovalHook,
  ApprovalRequest,
  ApprovalRequestBase,
  AuthorizeApprovalRequest,
  DeviceApprovalRequest,
} from "./ApprovalRequest.js";
export type { EmulatorFault, EmulatorFaultKind } from "./EmulatorFault.js";
export type { EmulatorCounters, GrantTypeKey } from "./EmulatorCounters.js";
export type { EmulatorOperation } from "./EmulatorOperation.js";
export { EMULATOR_OPERATIONS } from "./EmulatorOperation.js";
export type { EmulatorRequestEvent } from "./EmulatorRequestEvent.js";
export type { IssuedSession, IssueSessionOptions } from "./IssuedSession.js";
export { OIDC_ERROR_SHAPES } from "./oidcErrorShapes.js";
export type { OidcErrorShape } from "./oidcErrorShapes.js";
export {
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  DEFAULT_AUTHORIZATION_CODE_LIFETIME_SECONDS,
  DEFAULT_DEVICE_CODE_INTERVAL_SECONDS,
  DEFAULT_DEVICE_CODE_LIFETIME_SECONDS,
  DEFAULT_EMULATOR_ACCOUNT,
  DEFAULT_EMULATOR_SPACE,
  DEFAULT_REGISTRATION_LIFETIME_SECONDS,
  DEFAULT_ROLE_CREDENTIALS_LIFETIME_SECONDS,
  DEFAULT_SESSION_LIFETIME_SECONDS,
} from "./resolveEmulatorOptions.js";
