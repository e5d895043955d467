import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";

import { SsoTokenProviderError } from "../errors/index.js";

import type { ApprovalRequest } from "./ApprovalRequest.js";
import { copyCounters, createCounters, type EmulatorCounters } from "./EmulatorCounters.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import { emulatorEnvironment } from "./emulatorEnvironment.js";
import type { EmulatorFault } from "./EmulatorFault.js";
import { EmulatorStore, type ApprovalStatus } from "./EmulatorStore.js";
import { FaultQueue } from "./FaultQueue.js";
import type { IssuedSession, IssueSessionOptions } from "./IssuedSession.js";
import { pendingApprovals } from "./pendingApprovals.js";
import { invalid, type ResolvedEmulatorOptions } from "./resolveEmulatorOptions.js";
import { serveRequest } from "./serveRequest.js";

const REDACTED = "[redacted]";

/**
 * A running SSO OIDC emulator (made by {@link startEmulator}): one HTTP server on
 * 127.0.0.1 that answers SSO OIDC, the SSO portal, CodeCatalyst's `VerifySession` and
 * `ListSpaces`, and STS `GetCallerIdentity`, plus methods to steer it from tests.
 * `util.inspect` and `JSON.stringify` show only its URL.
 *
 * @public
 */
export class Emulator {
  readonly #context: EmulatorContext;
  readonly #faults = new FaultQueue();
  readonly #stopping = new AbortController();
  readonly #server: Server;
  #stopped: Promise<void> | undefined;

  /** @internal Use {@link startEmulator}. */
  constructor(options: ResolvedEmulatorOptions) {
    this.#context = {
      options,
      store: new EmulatorStore(options),
      counters: createCounters(),
      url: "",
    };
    const deps = { context: this.#context, faults: this.#faults, signal: this.#stopping.signal };
    this.#server = createServer((incoming, outgoing) => {
      serveRequest(deps, incoming, outgoing).catch(() => incoming.socket.destroy());
    });
    // A malformed request gets its connection closed, as any server would.
    this.#server.on("clientError", (_error, socket) => socket.destroy());
  }

  /** @internal Starts listening; called once by {@link startEmulator}. */
  async listen(): Promise<void> {
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        server.off("listening", onListening);
        reject(
          new SsoTokenProviderError(
            `The emulator could not listen on 127.0.0.1:${this.#context.options.port} ` +
              `(${(error as NodeJS.ErrnoException).code ?? error.message}); ` +
              "choose another port, or port 0 for any free one.",
            { code: "EMULATOR_START_FAILED", cause: error },
          ),
        );
      };
      const onListening = () => {
        server.off("error", onError);
        resolve();
      };
      server.once("error", onError);
      server.once("listening", onListening);
      server.listen({ port: this.#context.options.port, host: "127.0.0.1" });
    });
    this.#context.url = `http://127.0.0.1:${this.port}`;
  }

  /** The base URL, `http://127.0.0.1:PORT`: the endpoint for every emulated service. */
  get url(): string {
    return this.#context.url;
  }

  /** The TCP port the emulator listens on. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** {@link emulatorEnvironment} of this emulator's URL. */
  environment(): Record<string, string> {
    return emulatorEnvironment(this.url);
  }

  /**
   * Stops listening and closes every open connection (keep-alive ones included), cutting
   * pending delays short. Safe to call more than once.
   */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      this.#stopping.abort();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    return this.#stopped;
  }

  /**
   * Approves a pending device authorization (by user code or device code) or `/authorize`
   * request (by the `id` of {@link pendingApprovals}). The polling client gets its tokens
   * on its next CreateToken; a browser on the authorize page goes on to the callback.
   * Returns false when nothing pending and unexpired matches.
   */
  approve(code: string): boolean {
    return this.#decide(code, "approved");
  }

  /** Denies like {@link approve} approves: the client gets `access_denied`. */
  deny(code: string): boolean {
    return this.#decide(code, "denied");
  }

  /** The device and `/authorize` requests waiting for a decision, oldest first, no secrets. */
  pendingApprovals(): ApprovalRequest[] {
    return pendingApprovals(this.#context);
  }

  /**
   * Queues a fault for the next matching request(s); see {@link EmulatorFault} for the
   * kinds. Faults are taken oldest first. Throws `EMULATOR_INVALID_USAGE` for a fault that
   * does not fit its operation (e.g. `no_refresh_token` for ListAccounts).
   */
  injectFault(fault: EmulatorFault): void {
    this.#faults.add(fault);
  }

  /** Removes every queued fault. */
  clearFaults(): void {
    this.#faults.clear();
  }

  /** How many injected faults are still queued (a fault with a count left counts once). */
  get pendingFaults(): number {
    return this.#faults.size;
  }

  /** A copy of the counters (see {@link EmulatorCounters}). */
  get counters(): EmulatorCounters {
    return copyCounters(this.#context.counters);
  }

  /** Sets every counter back to 0. */
  resetCounters(): void {
    this.#context.counters = createCounters();
  }

  /**
   * Registers a client and issues an access token (and refresh token) in memory, without
   * HTTP, as if a login had just finished, so tests can seed a token cache file quickly.
   * These are real tokens of this emulator: they refresh, rotate and expire like others.
   */
  issueSession(options: IssueSessionOptions = {}): IssuedSession {
    const { store, options: emulatorOptions } = this.#context;
    const scopes = options.scopes ?? ["sso:account:access"];
    const lifetime =
      options.accessTokenLifetimeSeconds ?? emulatorOptions.accessTokenLifetimeSeconds;
    const registrationLifetime =
      options.registrationLifetimeSeconds ?? emulatorOptions.registrationLifetimeSeconds;
    const clientName = options.clientName ?? "sso-token-provider-emulator-session";
    checkSessionOptions(scopes, lifetime, registrationLifetime, clientName);

    const client = store.registerClient({
      clientName,
      scopes,
      grantTypes: [],
      redirectUris: [],
      lifetimeSeconds: registrationLifetime,
    });
    const tokens = store.issueTokens(client, { accessTokenLifetimeSeconds: lifetime });

    const session: IssuedSession = {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      registrationExpiresAt: new Date(client.expiresAt),
      accessToken: tokens.accessToken,
      expiresAt: new Date(tokens.expiresAt),
      scopes: [...scopes],
    };
    if (tokens.refreshToken !== undefined) session.refreshToken = tokens.refreshToken;
    // Non-enumerable, so a spread copy or the fields themselves still carry the values.
    Object.defineProperty(session, "toJSON", { value: redactedSession, enumerable: false });
    Object.defineProperty(session, inspect.custom, {
      value: function (this: IssuedSession) {
        return inspect(redactedSession.call(this));
      },
      enumerable: false,
    });
    return session;
  }

  /** Makes an access token invalid at once (as a portal Logout does). False if unknown. */
  revokeAccessToken(token: string): boolean {
    return this.#context.store.revokeAccessToken(token);
  }

  /** Whether an access token would be accepted now (issued, unrevoked, unexpired). */
  isAccessTokenValid(token: string): boolean {
    return this.#context.store.validAccessToken(token) !== undefined;
  }

  /** Whether a refresh token would be accepted now (issued, unused, its login not over). */
  isRefreshTokenValid(token: string): boolean {
    return this.#context.store.findRefreshToken(token) !== undefined;
  }

  /** What `JSON.stringify` shows: the URL only. */
  toJSON(): { url: string } {
    return { url: this.url };
  }

  [inspect.custom](): string {
    return `Emulator { url: '${this.url}' }`;
  }

  #decide(code: string, status: ApprovalStatus): boolean {
    if (typeof code !== "string") return false;
    const { store } = this.#context;
    const now = store.now();

    const device = store.findDevice(code);
    if (device !== undefined) {
      if (device.status !== "pending" || device.consumed || device.expiresAt <= now) return false;
      device.status = status;
      return true;
    }

    const request = store.authorizeRequests.get(code);
    if (request === undefined || request.status !== "pending" || request.completed) return false;
    if (request.expiresAt <= now) return false;
    request.status = status;
    return true;
  }
}

function checkSessionOptions(
  scopes: unknown,
  lifetime: unknown,
  registrationLifetime: unknown,
  clientName: unknown,
): void {
  if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== "string" || scope === "")) {
    throw invalid("issueSession: scopes", "an array of non-empty strings");
  }
  if (!Number.isInteger(lifetime)) {
    throw invalid("issueSession: accessTokenLifetimeSeconds", "an integer number of seconds");
  }
  if (!Number.isInteger(registrationLifetime)) {
    throw invalid("issueSession: registrationLifetimeSeconds", "an integer number of seconds");
  }
  if (typeof clientName !== "string" || clientName === "") {
    throw invalid("issueSession: clientName", "a non-empty string");
  }
}

function redactedSession(this: IssuedSession): Record<string, unknown> {
  return {
    clientId: this.clientId,
    clientSecret: REDACTED,
    registrationExpiresAt: this.registrationExpiresAt,
    accessToken: REDACTED,
    ...(this.refreshToken === undefined ? {} : { refreshToken: REDACTED }),
    expiresAt: this.expiresAt,
    scopes: this.scopes,
  };
}
