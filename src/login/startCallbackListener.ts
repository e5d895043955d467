import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { callbackPage } from "./callbackPage.js";
import { CALLBACK_PATH } from "./constants.js";

/** How long open connections may finish their last page once the listener closes. */
const CLOSE_GRACE_MS = 500;

/** How the browser came back to the listener, or why it did not. @internal */
export type CallbackOutcome =
  | { kind: "code"; code: string }
  | { kind: "error"; error: string; description?: string }
  | { kind: "timeout" };

/** A listening loopback callback server. @internal */
export interface CallbackListener {
  /** `http://127.0.0.1:<port>/oauth/callback`, for `/authorize` and CreateToken. */
  readonly redirectUri: string;
  /**
   * Settles once: with the code or error of the first callback that carries the right
   * `state`, with `timeout` after `timeoutMs`; rejects with the signal's reason on abort.
   */
  readonly outcome: Promise<CallbackOutcome>;
  /** Stops listening and drops open connections. Safe to call twice. */
  close(): Promise<void>;
}

/** @internal */
export interface CallbackListenerOptions {
  /** The `state` the callback must carry. */
  state: string;
  /** How long to wait for it, in real milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Told about each request refused (wrong path, wrong state, foreign host); no secrets. */
  onRefused?: (reason: string) => void;
}

/**
 * Listens on 127.0.0.1 only, on a port the system picks, for the browser's redirect back
 * from `/authorize`. It accepts only `GET /oauth/callback` with `Host: 127.0.0.1:<port>`
 * (a page elsewhere cannot reach it through a rebound DNS name) and the expected `state`
 * (compared in constant time); anything else gets an error page and the listener keeps
 * waiting, so a stray or forged request cannot end the login.
 *
 * @internal
 */
export async function startCallbackListener(
  options: CallbackListenerOptions,
): Promise<CallbackListener> {
  let settle!: (outcome: CallbackOutcome) => void;
  let fail!: (error: unknown) => void;
  let settled = false;
  const outcome = new Promise<CallbackOutcome>((resolve, reject) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    fail = (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
  });
  // A caller that only awaits after an abort must not see an unhandled rejection.
  outcome.catch(() => undefined);

  let expectedHost = "";
  const server = createServer((request, response) => {
    const refusal = handle(request, response);
    if (refusal !== undefined) options.onRefused?.(refusal);
  });

  function handle(request: IncomingMessage, response: ServerResponse): string | undefined {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method !== "GET" || url.pathname !== CALLBACK_PATH) {
      send(response, 404, "Not found", "This address only serves the sign-in callback.");
      return `a request for ${request.method} ${url.pathname}, which is not the callback`;
    }
    if (request.headers.host !== expectedHost) {
      send(response, 400, "Wrong address", `Open the callback at ${expectedHost} only.`);
      return `a callback addressed to host ${JSON.stringify(request.headers.host ?? "")}`;
    }
    if (settled) {
      send(response, 400, "Already done", "This sign-in is already finished; see the terminal.");
      return "a callback after the sign-in had finished";
    }
    if (!sameState(url.searchParams.get("state"), options.state)) {
      send(
        response,
        400,
        "Sign-in not recognised",
        "This response does not belong to the sign-in the terminal is waiting for (its " +
          "state does not match), so it was ignored. Finish the sign-in in the page the " +
          "terminal opened.",
      );
      return "a callback whose state does not match this login (ignored)";
    }

    const error = url.searchParams.get("error");
    if (error !== null) {
      const description = url.searchParams.get("error_description") ?? undefined;
      send(response, 200, "Sign-in failed", `${error}: ${description ?? ""} See the terminal.`);
      settle({ kind: "error", error, ...(description ? { description } : {}) });
      return undefined;
    }
    const code = url.searchParams.get("code");
    if (!code) {
      send(response, 400, "No code", "The callback carries neither a code nor an error.");
      return "a callback without a code";
    }

    send(response, 200, "Signed in", "You can close this tab and return to the terminal.");
    settle({ kind: "code", code });
    return undefined;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  expectedHost = `127.0.0.1:${port}`;

  const timer = setTimeout(() => settle({ kind: "timeout" }), options.timeoutMs);
  const onAbort = () => fail(options.signal?.reason ?? new Error("aborted"));
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener("abort", onAbort, { once: true });

  let closed: Promise<void> | undefined;
  return {
    redirectUri: `http://${expectedHost}${CALLBACK_PATH}`,
    outcome,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        // Let the last page finish sending; cut what is still open after a moment.
        const cut = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

function send(response: ServerResponse, status: number, title: string, text: string): void {
  response.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // The page is reached with the code in its URL; tell the browser not to pass it on.
    "referrer-policy": "no-referrer",
    connection: "close",
  });
  response.end(callbackPage(title, text));
}

function sameState(received: string | null, expected: string): boolean {
  if (received === null) return false;
  const left = Buffer.from(received);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
