import type { LoginFlow } from "./ClientRegistration.js";

/**
 * What a login tells the person at the terminal, as it happens. None of these carries a
 * secret: the user code and the authorize URL are meant to be shown.
 *
 * @public
 */
export type LoginEvent =
  /** Another login of the same session holds its lock; this one waits for it. */
  | { type: "waiting-for-other-login"; timeoutMs: number }
  /** The other login finished and left a fresh token: no second sign-in is needed. */
  | { type: "other-login-finished"; expiresAt: Date }
  /** The client registration: reused from the cache, or new. */
  | { type: "registration"; flow: LoginFlow; reused: boolean; expiresAt: Date }
  /** The device flow's code, for the person to confirm in a browser. */
  | {
      type: "device-code";
      verificationUri: string;
      verificationUriComplete?: string;
      userCode: string;
      expiresAt: Date;
    }
  /** The PKCE flow's page, for the person to sign in at. */
  | { type: "authorize-url"; url: string; expiresAt: Date }
  /** Waiting for the person begins; it ends by `deadline` at the latest. */
  | { type: "waiting"; deadline: Date }
  /** Waiting ended (signed in, refused or given up). */
  | { type: "waiting-ended" }
  /** The service asked to poll more slowly; polling now waits this long. */
  | { type: "slow-down"; intervalSeconds: number }
  /** A transient failure; the login keeps trying until its deadline. */
  | { type: "retrying"; reason: string }
  /** Something the person should know; the login goes on. */
  | { type: "warning"; message: string };

/**
 * How a login talks to the person. The library prints nothing itself; the command line
 * renders these events on standard error.
 *
 * @public
 */
export interface LoginUi {
  /** Receives each {@link LoginEvent}. Default: events are dropped. */
  onEvent?(event: LoginEvent): void;
  /**
   * Opens `url` in a browser. Called at most once per login. Omit it to never open one
   * (`--no-browser`). A failure is reported as a warning and the login goes on.
   */
  openBrowser?(url: string): Promise<void> | void;
}
