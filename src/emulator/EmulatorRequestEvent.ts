import type { EmulatorOperation } from "./EmulatorOperation.js";

/**
 * What the emulator reports after each request through {@link EmulatorOptions.onRequest}.
 * It names the operation and outcome only; no token, secret or code is included.
 *
 * @public
 */
export interface EmulatorRequestEvent {
  /** The operation the request was routed to. */
  operation: EmulatorOperation;
  /** HTTP method and path (without the query, which may carry codes). */
  method: string;
  path: string;
  /** The HTTP status sent, or 0 when the connection was dropped on purpose. */
  status: number;
  /** The error shape or code sent, if the response was an error. */
  error?: string;
  /** For CreateToken, the grant type sent. */
  grantType?: string;
  /** The injected fault that shaped the response, if any. */
  fault?: string;
  /** The `x-amzn-RequestId` sent. */
  requestId: string;
}
