import { toRefreshFailure } from "../refresh/index.js";

/** What a failed SSO OIDC (or portal) call means to a login. @internal */
export interface ServiceErrorSummary {
  /** The OAuth `error` code (`authorization_pending`, `invalid_client`, ...), or `network`. */
  error: string;
  /** One clause for a message, without secrets: `RegisterClient answered invalid_scope (...)`. */
  text: string;
  /** Worth trying again later: no answer, a 5xx, or throttling. */
  transient: boolean;
}

const THROTTLING_NAMES = new Set(["ThrottlingException", "TooManyRequestsException"]);

/**
 * Summarises what a service call threw. The meaning is in the service's `error` and
 * `error_description`, not in the SDK's `message` (which is `UnknownError` for SSO OIDC).
 *
 * @internal
 */
export function describeServiceError(operation: string, thrown: unknown): ServiceErrorSummary {
  const failure = toRefreshFailure(thrown);
  const status = (thrown as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
    ?.httpStatusCode;
  const name = (thrown as { name?: unknown } | undefined)?.name;

  const transient =
    failure.error === "network" ||
    failure.error === "server_error" ||
    (status !== undefined && (status >= 500 || status === 429)) ||
    (typeof name === "string" && THROTTLING_NAMES.has(name));

  if (failure.error === "network") {
    const text = `${operation} got no answer: ${failure.description}`;
    return { error: "network", text, transient };
  }
  const detail = failure.description ? ` (${failure.description})` : "";
  const text = `${operation} answered ${failure.error}${detail}`;
  return { error: failure.error, text, transient };
}
