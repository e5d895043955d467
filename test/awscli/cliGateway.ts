import { createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** Who sent a request: the AWS CLI (its user agent starts `aws-cli/`), or anything else. */
export type Sender = "cli" | "other";

/** One CreateToken the gateway passed on, and the status the emulator answered with. */
export interface PassedCreateToken {
  from: Sender;
  grantType: string;
  status: number;
}

/** Answered CreateToken responses kept from the CLI until {@link ResponseHold.release}. */
export interface ResponseHold {
  /** Resolves once `count` responses are held: the emulator has answered them. */
  waitForHeld(count: number): Promise<void>;
  /** Lets the held responses (and every later one) go on to the CLI. */
  release(): void;
}

/** A real HTTP hop in front of the emulator that can stage who reaches it first. */
export interface CliGateway {
  /** The endpoint URL to give the CLI (and, for staged races, our processes). */
  url: string;
  /** The CreateToken requests that went through, in the order they were answered. */
  createTokens: PassedCreateToken[];
  /**
   * Holds the CLI's CreateToken responses of `grantType` after the emulator has answered
   * them: the refresh token is spent on the server, but the CLI has not heard back (so has
   * not written its cache file) until the hold is released.
   */
  holdCreateTokens(grantType: string): ResponseHold;
  /**
   * Keeps the next `count` CreateToken requests from the emulator until all have arrived,
   * then sends one from `first` alone and, once it is answered, the rest together: a race
   * whose winner is chosen, with every runner in flight at once.
   */
  startingGate(count: number, first: Sender): void;
  stop(): Promise<void>;
}

/** Options of {@link startCliGateway}. */
export interface CliGatewayOptions {
  /** Real milliseconds each answered CreateToken waits before it goes on to the CLI. Default 0. */
  cliCreateTokenDelayMs?: number;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Gate {
  count: number;
  first: Sender;
  waiting: { from: Sender; go: (onAnswered: () => void) => void }[];
}

/**
 * Starts a forwarding server on 127.0.0.1 in front of `targetUrl` (the emulator). The
 * emulator's own `delay` fault and `latencyMs` wait *before* handling a request; this hop can
 * wait *after* it, which is the moment that matters when another writer races the CLI: the
 * refresh token has rotated, and the CLI's file does not show it yet.
 */
export async function startCliGateway(
  targetUrl: string,
  options: CliGatewayOptions = {},
): Promise<CliGateway> {
  const target = new URL(targetUrl);
  const createTokens: PassedCreateToken[] = [];
  const holds: { grantType: string; released: Promise<void>; held: () => void }[] = [];
  let gate: Gate | undefined;

  async function pass(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
    if (path !== "/token") return forward(target, method, path, headers, body);

    const from: Sender = String(headers["user-agent"] ?? "").startsWith("aws-cli/")
      ? "cli"
      : "other";
    const grantType = grantTypeOf(body);
    const onAnswered = gate === undefined ? undefined : await throughGate(gate, from);

    const answer = await forward(target, method, path, headers, body);
    onAnswered?.();
    createTokens.push({ from, grantType, status: answer.status });
    if (from === "cli") {
      await sleep(options.cliCreateTokenDelayMs ?? 0);
      for (const hold of holds.filter((each) => each.grantType === grantType)) {
        hold.held();
        await hold.released;
      }
    }
    return answer;
  }

  /**
   * Resolves when this request may go on, with what to call once it is answered: the gate's
   * chosen first request goes alone, and its answer lets the others go together.
   */
  function throughGate(current: Gate, from: Sender): Promise<() => void> {
    return new Promise((go) => {
      current.waiting.push({ from, go });
      if (current.waiting.length < current.count) return;

      gate = undefined;
      const firstIndex = current.waiting.findIndex((each) => each.from === current.first);
      const [leader] = current.waiting.splice(Math.max(firstIndex, 0), 1);
      const others = current.waiting;
      leader!.go(() => others.forEach((each) => each.go(() => undefined)));
    });
  }

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const method = incoming.method ?? "GET";
      pass(method, incoming.url ?? "/", incoming.headers, Buffer.concat(chunks))
        .then((answer) => {
          outgoing.writeHead(answer.status, answer.headers);
          outgoing.end(answer.body);
        })
        .catch(() => incoming.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    createTokens,
    holdCreateTokens(grantType) {
      let heldCount = 0;
      const waiters: { count: number; resolve: () => void }[] = [];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({
        grantType,
        released,
        held: () => {
          heldCount += 1;
          for (const waiter of waiters) if (heldCount >= waiter.count) waiter.resolve();
        },
      });
      return {
        waitForHeld: (count) =>
          heldCount >= count
            ? Promise.resolve()
            : new Promise<void>((resolve) => waiters.push({ count, resolve })),
        release,
      };
    },
    startingGate(count, first) {
      gate = { count, first, waiting: [] };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function forward(
  target: URL,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method,
        path,
        headers: { ...headers, host: target.host, connection: "close" },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on("data", (chunk: Buffer) => parts.push(chunk));
        response.on("end", () => {
          const { connection: _connection, ...headersBack } = response.headers;
          resolve({
            status: response.statusCode ?? 502,
            headers: headersBack,
            body: Buffer.concat(parts),
          });
        });
        response.on("error", reject);
      },
    );
    upstream.on("error", reject);
    upstream.end(body);
  });
}

function grantTypeOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { grantType?: unknown };
    return typeof parsed.grantType === "string" ? parsed.grantType : "";
  } catch {
    return "";
  }
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
