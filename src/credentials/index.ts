export { defaultCredentialProvider } from "./defaultCredentialProvider.js";
export type {
  DefaultCredentialProviderInit,
  SdkProviderInit,
} from "./DefaultCredentialProviderInit.js";
export { formatCredentialProcessOutput } from "./formatCredentialProcessOutput.js";
export { fromSsoRoleCredentials } from "./fromSsoRoleCredentials.js";
export type { FromSsoRoleCredentialsInit } from "./FromSsoRoleCredentialsInit.js";
export { runCredentialProcess } from "./runCredentialProcess.js";
export type { RunCredentialProcessInit } from "./runCredentialProcess.js";
export type { SsoPortalClientConfig } from "./SsoPortalClientConfig.js";
export { SsoRoleCredentials } from "./SsoRoleCredentials.js";
export type { SsoRoleCredentialsFields } from "./SsoRoleCredentials.js";
