export { fromSsoSession } from "./fromSsoSession.js";
export type { SsoTokenProvider } from "./fromSsoSession.js";
export type { FromSsoSessionInit } from "./FromSsoSessionInit.js";
export { SsoTokenIdentity } from "./SsoTokenIdentity.js";
