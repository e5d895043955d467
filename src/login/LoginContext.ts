import type { SsoConfig } from "../config/index.js";
import type { SsoOidcClientConfig } from "../refresh/index.js";
import type { ClientRegistration } from "./ClientRegistration.js";
import type { LoginEvent } from "./LoginUi.js";

/** What every step of one login shares. @internal */
export interface LoginContext {
  config: SsoConfig;
  /** `~/.aws/sso/cache`. */
  cacheDir: string;
  clientConfig?: SsoOidcClientConfig;
  emit(event: LoginEvent): void;
  /** Opens a browser the first time it is called; later calls do nothing. */
  openBrowserOnce(url: string): Promise<void>;
  /** The clock, epoch ms. */
  now(): number;
  /** Waits `ms`; rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Aborts the login (the command line wires it to Ctrl-C). */
  signal?: AbortSignal;
  /** How long the PKCE flow waits for the browser to come back. */
  timeoutMs: number;
  /** Each HTTP request's bound. */
  requestTimeoutMs: number;
}

/** What a finished sign-in flow obtained. @internal */
export interface LoginTokens {
  accessToken: string;
  expiresAt: Date;
  refreshToken?: string;
  registration: ClientRegistration;
}
