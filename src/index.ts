// The package's public surface. Named exports only, so a change to it shows in review.

export { fromSsoSession, SsoTokenIdentity } from "./provider/index.js";
export type { FromSsoSessionInit, SsoTokenProvider } from "./provider/index.js";

export { SsoTokenProviderError } from "./errors/index.js";
export type { ErrorCode } from "./errors/index.js";

export type { SsoOidcClientConfig } from "./refresh/index.js";

export {
  getHomeDir,
  listSsoConfigs,
  loadSsoConfig,
  resolveProfileName,
} from "./config/index.js";
export type { LoadSsoConfigInit, SsoConfig } from "./config/index.js";

export {
  formatTimestamp,
  getTokenFilepath,
  parseTimestamp,
  readTokenFile,
  TokenFile,
} from "./cache/index.js";

export {
  bearerTokenEnvKey,
  defaultTokenProvider,
  EnvTokenIdentity,
} from "./chains/index.js";
export type { DefaultTokenProviderInit } from "./chains/index.js";

export {
  defaultCredentialProvider,
  formatCredentialProcessOutput,
  fromSsoRoleCredentials,
  runCredentialProcess,
  SsoRoleCredentials,
} from "./credentials/index.js";
export type {
  DefaultCredentialProviderInit,
  FromSsoRoleCredentialsInit,
  RunCredentialProcessInit,
  SdkProviderInit,
  SsoPortalClientConfig,
  SsoRoleCredentialsFields,
} from "./credentials/index.js";
