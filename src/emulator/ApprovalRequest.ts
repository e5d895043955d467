/**
 * A device code or `/authorize` request waiting for a person's decision. It holds no
 * secret: the device code itself is left out, the user code is what a person types anyway.
 *
 * @public
 */
export type ApprovalRequest = DeviceApprovalRequest | AuthorizeApprovalRequest;

/** Fields shared by both kinds of {@link ApprovalRequest}. @public */
export interface ApprovalRequestBase {
  /** The registered client asking for tokens. */
  clientId: string;
  /** The `clientName` it registered with. */
  clientName: string;
  /** The scopes of its registration. */
  scopes: string[];
  /** When the request was made. */
  createdAt: Date;
  /** When it stops being approvable. */
  expiresAt: Date;
}

/**
 * A pending device authorization (StartDeviceAuthorization).
 *
 * @public
 */
export interface DeviceApprovalRequest extends ApprovalRequestBase {
  kind: "device";
  /** The `XXXX-XXXX` code; pass it to {@link Emulator.approve}. */
  userCode: string;
  /** The `startUrl` the client sent. */
  startUrl: string;
  /** The page a person would open to decide. */
  verificationUriComplete: string;
}

/**
 * A pending `/authorize` request of the PKCE authorization-code flow.
 *
 * @public
 */
export interface AuthorizeApprovalRequest extends ApprovalRequestBase {
  kind: "authorize";
  /** The request's id; pass it to {@link Emulator.approve}. */
  id: string;
  /** Where the browser is sent afterwards. */
  redirectUri: string;
  /**
   * A URL that continues this request in a browser: it redirects to the callback once the
   * request is decided, and shows the approval page while it is pending.
   */
  continueUrl: string;
}

/**
 * What an {@link ApprovalHook} answers: a final decision, or "pending" to be asked again.
 *
 * @public
 */
export type ApprovalDecision = "approve" | "deny" | "pending";

/**
 * Decides approvals in place of a person. See {@link EmulatorOptions.approvalHook}.
 *
 * @public
 */
export type ApprovalHook = (
  request: ApprovalRequest,
) => ApprovalDecision | Promise<ApprovalDecision>;
