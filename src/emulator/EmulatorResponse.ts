/**
 * What a handler answers; the router adds the request id, waits out latency and writes it.
 * `drop` closes the connection without an answer (an injected fault).
 *
 * @internal
 */
export type EmulatorResponse = SendResponse | { kind: "drop" };

/** An answer to send. @internal */
export interface SendResponse {
  kind: "send";
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The error shape or code, for counters and `onRequest`; none on success. */
  error?: string;
}

/** A 200 (or other status) JSON answer. @internal */
export function jsonResponse(body: unknown, status = 200): SendResponse {
  return {
    kind: "send",
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  };
}

/** An HTML page; `error` names the problem of an error page. @internal */
export function htmlResponse(html: string, status = 200, error?: string): SendResponse {
  return {
    kind: "send",
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    body: html,
    ...(error === undefined ? {} : { error }),
  };
}

/** A 302 redirect. @internal */
export function redirectResponse(location: string): SendResponse {
  return {
    kind: "send",
    status: 302,
    headers: { location, "cache-control": "no-store" },
    body: "",
  };
}

/** A closed connection without an answer. @internal */
export const DROP_RESPONSE: EmulatorResponse = { kind: "drop" };
