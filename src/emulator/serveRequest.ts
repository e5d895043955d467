import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import { grantTypeKey } from "./EmulatorCounters.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import type { EmulatorRequestEvent } from "./EmulatorRequestEvent.js";
import { DROP_RESPONSE, type EmulatorResponse } from "./EmulatorResponse.js";
import { dispatchOperation } from "./dispatchOperation.js";
import type { FaultQueue, TakenFault } from "./FaultQueue.js";
import { oidcError } from "./oidcError.js";
import { jsonObjectBody, type ParsedRequest } from "./ParsedRequest.js";
import { routeOperation } from "./routeOperation.js";
import { serverError, throttleError } from "./serviceErrors.js";

const MAX_BODY_BYTES = 1024 * 1024;

/** What {@link serveRequest} needs besides the request. @internal */
export interface ServeDependencies {
  context: EmulatorContext;
  faults: FaultQueue;
  /** Aborted when the emulator stops, to cut waits short. */
  signal: AbortSignal;
}

/**
 * Answers one HTTP request: reads it, routes it to an operation, counts it, applies the
 * oldest matching fault, waits out latency, runs the handler, and writes the answer with
 * an `x-amzn-RequestId` header. Every request is answered (or dropped on purpose).
 *
 * @internal
 */
export async function serveRequest(
  deps: ServeDependencies,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const { context, faults, signal } = deps;
  const requestId = randomUUID();
  const target = incoming.url ?? "/";
  const url = new URL(target, "http://127.0.0.1");
  const method = (incoming.method ?? "GET").toUpperCase();
  const operation = routeOperation(method, url.pathname, url.searchParams);
  context.counters.requests[operation] += 1;

  const body = await readBody(incoming);
  if (body === undefined) {
    incoming.socket.destroy();
    return;
  }
  const request: ParsedRequest = {
    method,
    path: url.pathname,
    rawTarget: target,
    query: url.searchParams,
    headers: incoming.headers,
    body,
    requestId,
  };

  const grantType = operation === "CreateToken" ? grantTypeOf(request) : undefined;
  const fault = operation === "Unknown" ? undefined : faults.take(operation, grantType);
  if (fault !== undefined) context.counters.faultsApplied += 1;

  await sleep(context.options.latencyMs + (fault?.delayMs ?? 0), signal);
  if (signal.aborted) return;

  let response: EmulatorResponse;
  try {
    response = await answer(context, operation, request, fault);
  } catch {
    // A handler bug or a throwing approvalHook: answer as the service would, say nothing more.
    response = serverError(operation, requestId);
  }
  if (fault?.kind === "drop_response") response = DROP_RESPONSE;
  if (signal.aborted || outgoing.destroyed) return;

  countOutcome(context, operation, grantType, response);
  if (response.kind === "drop") {
    incoming.socket.destroy();
  } else {
    outgoing.writeHead(response.status, {
      ...response.headers,
      "x-amzn-RequestId": requestId,
      "content-length": String(Buffer.byteLength(response.body)),
    });
    outgoing.end(response.body);
  }
  report(context, { operation, method, path: url.pathname, requestId, grantType, fault, response });
}

async function answer(
  context: EmulatorContext,
  operation: EmulatorOperation,
  request: ParsedRequest,
  fault: TakenFault | undefined,
): Promise<EmulatorResponse> {
  const kind = fault?.kind;
  if (kind === "drop_connection") return DROP_RESPONSE;
  if (kind === "server_error") return serverError(operation, request.requestId);
  if (kind === "throttle") return throttleError(operation, request.requestId);
  if (typeof kind === "object") {
    return oidcError(kind.errorShape, kind.description ?? "Injected fault");
  }
  return dispatchOperation(context, operation, request, fault);
}

function countOutcome(
  context: EmulatorContext,
  operation: EmulatorOperation,
  grantType: string | undefined,
  response: EmulatorResponse,
): void {
  const counters = context.counters;
  const failed = response.kind === "drop" || response.status >= 400;
  if (response.kind === "send" && response.status >= 400) counters.errors += 1;
  if (response.kind === "send" && response.error === "InvalidGrantException") {
    counters.invalidGrant += 1;
  }
  if (response.kind === "send" && response.error === "InvalidClientException") {
    counters.invalidClient += 1;
  }
  if (operation === "CreateToken") {
    const key = grantTypeKey(grantType);
    if (failed) counters.createTokenFailures[key] += 1;
    else counters.createTokenSuccesses[key] += 1;
  }
}

function report(
  context: EmulatorContext,
  details: {
    operation: EmulatorOperation;
    method: string;
    path: string;
    requestId: string;
    grantType: string | undefined;
    fault: TakenFault | undefined;
    response: EmulatorResponse;
  },
): void {
  const onRequest = context.options.onRequest;
  if (onRequest === undefined) return;

  const { response, grantType, fault } = details;
  const event: EmulatorRequestEvent = {
    operation: details.operation,
    method: details.method,
    path: details.path,
    status: response.kind === "drop" ? 0 : response.status,
    requestId: details.requestId,
  };
  if (response.kind === "send" && response.error !== undefined) event.error = response.error;
  if (grantType !== undefined) event.grantType = grantType;
  if (fault !== undefined) event.fault = fault.label;

  try {
    onRequest(event);
  } catch {
    // A logging callback must never break the emulator.
  }
}

function grantTypeOf(request: ParsedRequest): string | undefined {
  const grantType = jsonObjectBody(request)?.["grantType"];
  return typeof grantType === "string" ? grantType : undefined;
}

function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    incoming.on("end", () => resolve(Buffer.concat(chunks)));
    incoming.on("error", () => resolve(undefined));
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
