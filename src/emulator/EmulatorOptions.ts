import type { ApprovalHook } from "./ApprovalRequest.js";
import type { EmulatorRequestEvent } from "./EmulatorRequestEvent.js";

/**
 * An AWS account the emulated SSO portal offers, with the roles the user may assume in it.
 *
 * @public
 */
export interface EmulatorAccount {
  /** The 12-digit account id. */
  accountId: string;
  /** Shown by ListAccounts. Default `"Account <accountId>"`. */
  accountName?: string;
  /** Shown by ListAccounts. Default `"aws+<accountId>@example.com"`. */
  emailAddress?: string;
  /** Role names the user may get credentials for (at least one). */
  roles: string[];
}

/**
 * A CodeCatalyst space returned by the emulated `ListSpaces`.
 *
 * @public
 */
export interface EmulatorSpace {
  /** The space name (its id in CodeCatalyst URLs). */
  name: string;
  /** Default `"us-west-2"`. */
  regionName?: string;
  /** Default: the name. */
  displayName?: string;
  /** Default: none. */
  description?: string;
}

/**
 * Options of {@link startEmulator}. Every option is optional; the defaults are listed per
 * field. Times are in the units their names say; every expiry decision uses `now`.
 *
 * @public
 */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1. Default 0: a free port chosen by the system. */
  port?: number;
  /**
   * Approve every device code and `/authorize` request at once, without asking the hook or
   * a person. Default false.
   */
  autoApprove?: boolean;
  /**
   * Decides pending approvals. It is asked at `/authorize`, and on every CreateToken poll
   * (and every visit of `/authorize/continue`) while the request is still pending; its first
   * "approve" or "deny" is final. Ignored when `autoApprove` is true. Default: none, so a
   * person (the HTML pages) or {@link Emulator.approve}/{@link Emulator.deny} decides.
   */
  approvalHook?: ApprovalHook;
  /** Lifetime of each access token (`expiresIn` of CreateToken). Default 3600. */
  accessTokenLifetimeSeconds?: number;
  /** Lifetime of a client registration (`clientSecretExpiresAt`). Default 7,776,000 (90 days). */
  registrationLifetimeSeconds?: number;
  /**
   * Lifetime of a login: every refresh token that descends from one device or PKCE login
   * stops working this long after the login. Default 7,776,000 (90 days).
   */
  sessionLifetimeSeconds?: number;
  /** Lifetime of a device code (`expiresIn` of StartDeviceAuthorization). Default 600. */
  deviceCodeLifetimeSeconds?: number;
  /**
   * Minimum seconds between two CreateToken polls with one device code (`interval`).
   * Polling faster gets `slow_down`. Default 1; 0 turns the check off.
   */
  deviceCodeIntervalSeconds?: number;
  /** Lifetime of a PKCE authorization code; older codes get `expired_token`. Default 300. */
  authorizationCodeLifetimeSeconds?: number;
  /** Lifetime of role credentials from GetRoleCredentials. Default 3600. */
  roleCredentialsLifetimeSeconds?: number;
  /** Real milliseconds added before every response (not on the injected clock). Default 0. */
  latencyMs?: number;
  /** The clock, in epoch milliseconds, used for every expiry decision. Default `Date.now`. */
  now?: () => number;
  /**
   * Accounts and roles of the SSO portal.
   * Default one account `111122223333` ("Emulated account") with role `ReadOnly`.
   */
  accounts?: EmulatorAccount[];
  /** CodeCatalyst spaces. Default one space `emulated-space` in `us-west-2`. */
  spaces?: EmulatorSpace[];
  /**
   * The signed-in user: CodeCatalyst `VerifySession` identity and the session name in the
   * STS `Arn`. Default `"emulator-user"`.
   */
  userName?: string;
  /**
   * Called after each response with what happened (no secrets), for logging. Errors it
   * throws are ignored. Default: none.
   */
  onRequest?: (event: EmulatorRequestEvent) => void;
}
