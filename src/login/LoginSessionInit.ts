import type { SsoConfig } from "../config/index.js";
import type { SsoOidcClientConfig } from "../refresh/index.js";
import type { LoginFlow } from "./ClientRegistration.js";
import type { LoginUi } from "./LoginUi.js";

/**
 * Options of {@link loginSession}.
 *
 * @public
 */
export interface LoginSessionInit {
  /** The session to sign in to, as `loadSsoConfig` returns it. */
  config: SsoConfig;
  /**
   * Use the device-code flow even for an sso-session. Default false: an sso-session uses
   * the authorization-code flow with PKCE; a legacy profile always uses the device flow.
   */
  useDeviceCode?: boolean;
  /** Where progress goes and how a browser is opened. Default: silent, no browser. */
  ui?: LoginUi;
  /** The home folder whose `.aws/sso/cache` is written. Default: `getHomeDir()`. */
  homeDir?: string;
  /** Options of the SSO OIDC client (endpoint, requestHandler, logger...). Default none. */
  clientConfig?: SsoOidcClientConfig;
  /**
   * How long the PKCE flow waits for the browser, and how long a login waits for another
   * login of the same session to finish. Default 10 minutes. (The device flow ends when its
   * code expires, which the service decides.)
   */
  timeoutMs?: number;
  /** Bound of each HTTP request. Default 30 seconds. */
  requestTimeoutMs?: number;
  /** A lock its holder stopped refreshing for this long is taken over. Default 10 seconds. */
  lockStaleMs?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => number;
  /**
   * Waits between device-code polls. Default a real timer. With an injected `now`, pass a
   * `sleep` that advances it.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborts the login: the listener closes, polling stops, the lock is released. */
  signal?: AbortSignal;
}

/**
 * What a successful {@link loginSession} did. No secret is in it.
 *
 * @public
 */
export interface LoginResult {
  /** The token cache file written (or found fresh). */
  filepath: string;
  /** When the new access token expires. */
  expiresAt: Date;
  /** Whether a refresh token came with it. */
  refreshable: boolean;
  /** The flow that signed in, or `other-login` when a concurrent login already had. */
  flow: LoginFlow | "other-login";
}
