export { RefreshFailure } from "./RefreshFailure.js";
export { requestTokenRefresh } from "./requestTokenRefresh.js";
export type {
  RefreshedToken,
  RequestTokenRefreshOptions,
  TokenRefreshRequest,
} from "./requestTokenRefresh.js";
export type { SsoOidcClientConfig } from "./SsoOidcClientConfig.js";
export { toRefreshFailure } from "./toRefreshFailure.js";
