import type { IncomingHttpHeaders } from "node:http";

/**
 * An incoming request, read whole: the router parses it once and hands it to a handler.
 *
 * @internal
 */
export interface ParsedRequest {
  method: string;
  /** The path without the query. */
  path: string;
  /** The path with the query, exactly as sent (SigV4 checks need it). */
  rawTarget: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The `x-amzn-RequestId` this request is answered with. */
  requestId: string;
}

/** The value of a header sent once, or undefined. @internal */
export function headerValue(request: ParsedRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The body parsed as a JSON object, or undefined if it is empty or not a JSON object. */
export function jsonObjectBody(request: ParsedRequest): Record<string, unknown> | undefined {
  const text = request.body.toString("utf8").trim();
  // Some clients send no body at all for an operation without members.
  if (text === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/** The body parsed as an HTML form (`application/x-www-form-urlencoded`). @internal */
export function formBody(request: ParsedRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString("utf8"));
}
