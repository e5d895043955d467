export { bearerTokenEnvKey } from "./bearerTokenEnvKey.js";
export { callerKey } from "./callerKey.js";
export { callerProperties } from "../provider/callerProperties.js";
export type { CallerProperties } from "../provider/callerProperties.js";
export { defaultTokenProvider } from "./defaultTokenProvider.js";
export type { DefaultTokenProviderInit } from "./DefaultTokenProviderInit.js";
export { EnvTokenIdentity } from "./EnvTokenIdentity.js";
export { memoizeByCaller, SDK_IDENTITY_REFRESH_WINDOW_MS } from "./memoizeByCaller.js";
