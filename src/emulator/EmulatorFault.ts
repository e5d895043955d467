import type { EmulatorOperation } from "./EmulatorOperation.js";
import type { OidcErrorShape } from "./oidcErrorShapes.js";

/**
 * A kind of injected fault:
 * - `server_error`: a 500 (`InternalServerException`; `InternalFailure` for STS; an error page
 *   for the HTML routes).
 * - `throttle`: `SlowDownException` for SSO OIDC, `TooManyRequestsException` (429) for the
 *   portal, `ThrottlingException` (429) for CodeCatalyst, `Throttling` (400) for STS.
 * - `no_refresh_token`, `no_access_token`, `zero_expires_in` (CreateToken only): a 200 without
 *   `refreshToken`, without `accessToken`, or with `expiresIn` 0. `no_refresh_token` issues
 *   the access token but leaves the refresh token that was sent valid (nothing rotated);
 *   `no_access_token` changes nothing on the server; `zero_expires_in` issues tokens that
 *   are already expired and rotates as usual.
 * - `drop_connection`: close the connection before handling the request (nothing changes).
 * - `drop_response`: handle the request (tokens rotate, codes are used up), then close the
 *   connection without answering: the client never learns the result.
 * - `delay`: answer normally after `delayMs`.
 * - `{ errorShape }`: answer with that SSO OIDC error shape (SSO OIDC operations only), with
 *   an optional `description` for `error_description`.
 *
 * @public
 */
export type EmulatorFaultKind =
  | "server_error"
  | "throttle"
  | "no_refresh_token"
  | "no_access_token"
  | "zero_expires_in"
  | "drop_connection"
  | "drop_response"
  | "delay"
  | { errorShape: OidcErrorShape; description?: string };

/**
 * A fault for {@link Emulator.injectFault}. Faults wait in a queue; each matching request
 * takes the oldest matching fault, so several faults are applied in the order injected.
 *
 * @public
 */
export interface EmulatorFault {
  /** The operation whose requests get the fault (any but `Unknown`). */
  operation: Exclude<EmulatorOperation, "Unknown">;
  /**
   * CreateToken only: apply to this grant type only (`refresh_token`, `authorization_code`,
   * `urn:ietf:params:oauth:grant-type:device_code`, or `device_code` for short).
   * Default: any grant type.
   */
  grantType?: string;
  /** What happens. */
  fault: EmulatorFaultKind;
  /** How many matching requests get it: a positive integer or `Infinity`. Default 1. */
  count?: number;
  /** Real milliseconds to wait before the fault (or the normal answer) is sent. Default 0. */
  delayMs?: number;
}
