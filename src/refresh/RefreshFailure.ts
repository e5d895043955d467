/**
 * Why CreateToken gave no usable token: the service's OAuth `error` code (`invalid_grant`,
 * `server_error`, ...) with its `error_description`, or a local reason (`network`,
 * `bad_response`). The message is built from these, never from the SDK's `UnknownError`.
 *
 * @internal
 */
export class RefreshFailure extends Error {
  override name = "RefreshFailure";

  constructor(
    /** The OAuth error code, or `network` / `bad_response` / `unknown`. */
    readonly error: string,
    /** The service's description, if it sent one. */
    readonly description: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(description ? `${error}: ${description}` : error, options);
  }
}
