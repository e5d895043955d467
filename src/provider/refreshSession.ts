import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import {
  ensureCacheDir,
  findForeignOwner,
  formatTimestamp,
  mergeRefreshedToken,
  readTokenFile,
  sweepStaleTempFiles,
  type TokenFile,
  writeTokenFile,
} from "../cache/index.js";
import type { SsoConfig } from "../config/index.js";
import {
  describeLoginTarget,
  loginAdvice,
  SsoTokenProviderError,
  type ErrorCode,
} from "../errors/index.js";
import {
  acquireSessionLock,
  cannotEverLock,
  LockNotAcquiredError,
  type SessionLock,
} from "../lock/index.js";
import {
  RefreshFailure,
  requestTokenRefresh,
  toRefreshFailure,
  type RefreshedToken,
} from "../refresh/index.js";
import { describePathAccess } from "./describePathAccess.js";
import { clauseOf, failBeforeRefresh } from "./failBeforeRefresh.js";
import {
  forgetRefusedRefreshToken,
  isRefreshTokenRefused,
  rememberRefusedRefreshToken,
} from "./refusedRefreshToken.js";
import type { ResolvedProviderOptions } from "./ResolvedProviderOptions.js";
import { sessionError, type ServedToken } from "./sessionError.js";
import type { SessionState } from "./sessionState.js";

/** Everything one refresh needs to know. @internal */
export interface RefreshContext {
  config: SsoConfig;
  filepath: string;
  state: SessionState;
  options: ResolvedProviderOptions;
  forceRefresh: boolean;
  /** The file as the caller saw it before deciding to refresh. */
  seen: TokenFile;
}

/** Temporary files older than this were left by killed writers. */
const STALE_TEMP_FILE_MS = 60_000;
const WRITE_ATTEMPTS = 3;
const MIN_REQUEST_TIMEOUT_MS = 5_000;
const WRITE_RETRY_DELAY_MS = 50;
/** After `invalid_grant`, how long to watch for another writer's file to appear. */
const OTHER_WRITER_WAIT_MS = 5_000;
const OTHER_WRITER_POLL_MS = 100;
/** What a process that finds the refresh token already refused reports (no request sent). */
const REFUSED_BEFORE = new RefreshFailure(
  "invalid_grant",
  "refused earlier to another process; not sent again",
);
/**
 * Refresh tokens are single-use and the service keeps no grace period for the old one, so a
 * refresh whose new token never reached the file (its process was killed after the service
 * answered, or another tool refreshed without saving) leaves a spent refresh token on disk.
 */
const SPENT_REFRESH_TOKEN_HINT =
  "the refresh token in the file was already used or revoked (by a process killed while " +
  "refreshing, by a tool that refreshed without saving, or because the session ended)";

/**
 * Refreshes one session's token the way many processes can share: under the session's lock,
 * after reading the file again (another process may have refreshed it meanwhile), with one
 * CreateToken, an atomic write-back and, when anything fails, the still-valid cached token.
 *
 * @internal
 */
export async function refreshSession(context: RefreshContext): Promise<ServedToken> {
  const { filepath, options } = context;

  let lock: SessionLock;
  try {
    await ensureCacheDir(dirname(filepath));
    lock = await acquireSessionLock(filepath, {
      // While the cached token is valid, another holder's refresh is no reason to wait.
      timeoutMs:
        isValid(context.seen, options) && !context.forceRefresh ? 0 : options.lockTimeoutMs,
      staleMs: options.lockStaleMs,
      purpose: "refresh",
    });
  } catch (error) {
    if (error instanceof LockNotAcquiredError && error.reason === "busy") {
      return await whenLockBusy(context, error);
    }
    if (error instanceof LockNotAcquiredError || cannotEverLock(error)) {
      return await refreshWithoutLock(context, error);
    }
    // Nothing the file system refused (the lock library failed to load, say).
    const what = `could not take the lock ${filepath}.lock: ${clauseOf(error)}`;
    return failBeforeRefresh(context, what, error);
  }

  try {
    return await refreshUnderLock(context, lock);
  } finally {
    await lock.release();
  }
}

async function refreshUnderLock(context: RefreshContext, lock: SessionLock): Promise<ServedToken> {
  const { filepath, options, state } = context;

  // Side by side, since a refresh holds the lock meanwhile: the sweep lists the folder once
  // and removes only temporary files a minute old, never the file being read.
  const [current] = await Promise.all([
    readTokenFile(filepath),
    sweepStaleTempFiles(dirname(filepath), STALE_TEMP_FILE_MS).catch(() => 0),
  ]);
  if (!current) {
    throw sessionError(context, "TOKEN_NOT_FOUND", `${filepath} was removed (logged out?).`);
  }
  if (wasRefreshedElsewhere(context, current)) {
    options.logger.debug?.(`sso-token-provider: ${filepath} was refreshed by another process`);
    return servedFrom(current);
  }

  const refreshable = checkRefreshable(context, current);
  if (refreshable !== true) return refreshable;
  // One after the other: the note is only read in a folder known to be ours, where nobody
  // else could have put a FIFO at its path.
  const owned = await checkOwnership(context, current);
  if (owned !== true) return owned;
  if (await isRefreshTokenRefused(filepath, current)) {
    return fallBackOrThrow(context, current, REFUSED_BEFORE);
  }

  let refreshed: RefreshedToken;
  options.logger.debug?.(
    `sso-token-provider: refreshing ${describeLoginTarget(context.config)} with CreateToken ` +
      `(token in ${filepath} expires at ${formatTimestamp(current.expiresAt)})`,
  );
  try {
    refreshed = await requestTokenRefresh(refreshRequestOf(context, current), {
      clientConfig: options.clientConfig,
      logger: options.clientConfig?.logger,
      requestTimeoutMs: requestTimeoutFor(options.lockStaleMs),
      now: options.now,
    });
  } catch (thrown) {
    const failure = toRefreshFailure(thrown);
    if (failure.error === "invalid_grant") {
      const other = await waitForOtherWriter(context, current);
      if (other) return servedFrom(other);
      await rememberRefusedRefreshToken(filepath, current).catch(() => undefined);
    }
    return fallBackOrThrow(context, current, failure);
  }

  const record = mergeRefreshedToken(current, refreshed);
  if (lock.compromised) {
    const latest = await readTokenFile(filepath).catch(() => undefined);
    if (!stillHolds(latest, current)) {
      return afterTakeOver(context, refreshed, latest);
    }
    options.logger.debug?.(
      `sso-token-provider: the lock on ${filepath} was taken over while CreateToken ran; ` +
        `writing anyway, since the file still holds the refresh token that was just spent`,
    );
  }

  const written = await writeWithRetries(filepath, record);
  if (written !== true) {
    const reason =
      written instanceof SsoTokenProviderError
        ? written.message
        : await describePathAccess(filepath, written);
    keepInMemory(context, refreshed, `writing it failed: ${reason}`);
    return refreshed;
  }

  await forgetRefusedRefreshToken(filepath);
  options.logger.debug?.(
    `sso-token-provider: refreshed ${describeLoginTarget(context.config)}; wrote ${filepath}, ` +
      `which expires at ${formatTimestamp(refreshed.expiresAt)}`,
  );
  state.lastRead = undefined;
  state.memoryOnly = undefined;
  state.lastFailedRefreshAtMs = undefined;
  return refreshed;
}

/**
 * True when the file no longer holds the token the caller saw and what it holds now is good
 * enough: outside the refresh window, or (for a forced refresh) simply newer.
 */
function wasRefreshedElsewhere(context: RefreshContext, current: TokenFile): boolean {
  const { seen, options, forceRefresh } = context;
  if (current.accessToken === seen.accessToken) return false;

  const remainingMs = current.expiresAt.getTime() - options.now();
  if (forceRefresh) return remainingMs > 0 && current.expiresAt >= seen.expiresAt;
  return remainingMs > options.refreshWindowMs;
}

/**
 * Whether the file still holds the refresh token a refresh read from it (and so nothing was
 * written since). Used when our lock was taken over while CreateToken ran: proper-lockfile
 * judges a lock stale by its folder's age, so a stalled holder (or a removed lock folder) can
 * let a second process in. That process read the same refresh token, which our CreateToken has
 * just spent, so it can only get `invalid_grant` and then looks for our write
 * ({@link waitForOtherWriter}). Not writing would lose the session for every process; writing
 * over a file that changed meanwhile could replace a newer login.
 */
function stillHolds(latest: TokenFile | undefined, read: TokenFile): boolean {
  return (
    latest !== undefined &&
    latest.refreshToken === read.refreshToken &&
    latest.accessToken === read.accessToken
  );
}

/**
 * Our lock was taken over and the file changed while CreateToken ran, so another writer (a
 * new login) put its token there: keep the file, and serve its token if valid, else ours.
 */
function afterTakeOver(
  context: RefreshContext,
  refreshed: RefreshedToken,
  latest: TokenFile | undefined,
): ServedToken {
  if (latest && latest.expiresAt.getTime() - context.options.now() > 0) {
    context.state.lastRead = undefined;
    return servedFrom(latest);
  }
  keepInMemory(context, refreshed, "the lock was taken over and the file changed meanwhile");
  return refreshed;
}

/**
 * Whether the file holds what a refresh needs: client id and secret, a refresh token and a
 * registration that has not expired. When it does not, a still-valid token is served and an
 * expired one is an error that says to log in again.
 */
function checkRefreshable(context: RefreshContext, current: TokenFile): true | ServedToken {
  const { options } = context;
  const now = options.now();
  const missing = (["clientId", "clientSecret", "refreshToken"] as const).filter(
    (key) => typeof current[key] !== "string" || current[key] === "",
  );
  const registrationExpired =
    current.registrationExpiresAt !== undefined && current.registrationExpiresAt.getTime() <= now;

  let problem: { code: ErrorCode; text: string } | undefined;
  if (missing.length > 0) {
    problem = {
      code: "TOKEN_EXPIRED",
      text: `it cannot be refreshed: ${current.filepath} has no ${missing.join(", ")}.`,
    };
  } else if (registrationExpired) {
    problem = {
      code: "REGISTRATION_EXPIRED",
      text:
        `it cannot be refreshed: the client registration in ${current.filepath} expired at ` +
        `${formatTimestamp(current.registrationExpiresAt!)}.`,
    };
  }
  if (!problem) return true;
  return serveOrThrow(context, current, problem);
}

/**
 * Why a token cannot be refreshed, said once: a still-valid token is served with a warning
 * (and the session not tried again for a while), an expired one is an error.
 */
function serveOrThrow(
  context: RefreshContext,
  current: TokenFile,
  problem: { code: ErrorCode; text: string },
): ServedToken {
  const { options } = context;
  const now = options.now();
  if (current.expiresAt.getTime() > now) {
    context.state.lastFailedRefreshAtMs = now;
    options.logger.warn?.(
      `sso-token-provider: the token of ${describeLoginTarget(context.config)} expires at ` +
        `${current.expiresAt.toISOString()} and ${lowerFirst(problem.text)}`,
    );
    return servedFrom(current);
  }
  throw sessionError(context, problem.code, `The token expired and ${lowerFirst(problem.text)}`);
}

/**
 * Another user's cache folder, file or planted symlink is reported and left alone: refreshing
 * would spend their refresh token, and writing would take their file over or follow a link
 * they chose. A `sudo` run that kept HOME meets this.
 */
async function checkOwnership(
  context: RefreshContext,
  current: TokenFile,
): Promise<true | ServedToken> {
  const foreign = await findForeignOwner(context.filepath);
  if (!foreign) return true;
  return serveOrThrow(context, current, {
    code: "TOKEN_FILE_FOREIGN_OWNER",
    text:
      `it is not refreshed: ${foreign.path} belongs to uid ${foreign.uid}, not to you ` +
      `(uid ${process.geteuid!()}), and another user's files are left alone rather than taken ` +
      `over. Was HOME kept by sudo? Run as that user, or remove the file and log in as yourself.`,
  });
}

/**
 * After `invalid_grant`, another writer that takes no lock (such as the AWS CLI) may have
 * spent the same refresh token a moment earlier: watch the file for a different refresh token
 * holding a valid access token. Waits only while no valid token remains.
 */
async function waitForOtherWriter(
  context: RefreshContext,
  sent: TokenFile,
): Promise<TokenFile | undefined> {
  const { filepath, options } = context;
  const deadline = Date.now() + OTHER_WRITER_WAIT_MS;

  for (;;) {
    const now = options.now();
    const latest = await readTokenFile(filepath).catch(() => undefined);
    const rotated = latest !== undefined && latest.refreshToken !== sent.refreshToken;
    if (latest && rotated && latest.expiresAt.getTime() > now) return latest;

    const sentStillValid = sent.expiresAt.getTime() > now;
    if (sentStillValid || Date.now() >= deadline) return undefined;
    await sleep(OTHER_WRITER_POLL_MS);
  }
}

/**
 * A failed refresh: serve the cached token while it is valid (and do not try again for a
 * while), otherwise throw an error that says what the service answered and what to run.
 */
function fallBackOrThrow(
  context: RefreshContext,
  current: TokenFile,
  failure: RefreshFailure,
): ServedToken {
  const { options, state } = context;
  const now = options.now();
  state.lastFailedRefreshAtMs = now;

  const what = describeFailure(failure);
  if (current.expiresAt.getTime() > now) {
    options.logger.warn?.(
      `sso-token-provider: could not refresh the token of ${describeLoginTarget(context.config)} ` +
        `(${what}); serving the cached token, which expires at ${current.expiresAt.toISOString()}.`,
    );
    return servedFrom(current);
  }
  const retry = isPassing(failure)
    ? " The refresh token may still be good: try again once SSO OIDC answers; if it keeps " +
      "failing, log in again."
    : "";
  throw sessionError(
    context,
    "REFRESH_FAILED",
    `The token in ${current.filepath} expired and refreshing it failed: ${what}.${retry}`,
    failure.cause ?? failure,
  );
}

function describeFailure(failure: RefreshFailure): string {
  const description = failure.description?.replace(/[.\s]+$/, "");
  if (failure.error === "network") return `could not reach SSO OIDC: ${description}`;
  if (failure.error === "bad_response") return description ?? "unusable answer";
  const detail = description ? ` (${description})` : "";
  const hint = failure.error === "invalid_grant" ? `: ${SPENT_REFRESH_TOKEN_HINT}` : "";
  return `SSO OIDC CreateToken answered ${failure.error}${detail}${hint}`;
}

/** Failures that say nothing about the refresh token: the network, the service's own faults. */
function isPassing(failure: RefreshFailure): boolean {
  return ["network", "server_error", "slow_down", "bad_response"].includes(failure.error);
}

/**
 * Another process held the lock for the whole wait. A valid token is served; otherwise the
 * holder may just have finished, so read once more before giving up.
 */
async function whenLockBusy(
  context: RefreshContext,
  busy: LockNotAcquiredError,
): Promise<ServedToken> {
  const { options, filepath } = context;
  const latest = (await readTokenFile(filepath).catch(() => undefined)) ?? context.seen;
  if (latest.expiresAt.getTime() > options.now()) return servedFrom(latest);

  if (busy.loginInProgress) {
    throw sessionError(
      context,
      "LOGIN_IN_PROGRESS",
      `The token expired and a login for it is in progress in another process (it holds ` +
        `${busy.lockPath}); finish that login, then try again.`,
      busy,
    );
  }
  throw sessionError(
    context,
    "LOCK_TIMEOUT",
    `The token expired and another process held ${busy.lockPath} for ` +
      `${options.lockTimeoutMs} ms without refreshing it. If no other process is running, ` +
      `remove that folder.`,
    busy,
  );
}

/**
 * The lock cannot be created at all (read-only home, missing permission). A valid token is
 * served as it is; an expired one is refreshed in this process only, and said so, since the
 * rotated refresh token cannot reach the file for the other processes.
 */
async function refreshWithoutLock(context: RefreshContext, error: unknown): Promise<ServedToken> {
  const { options, state, seen, filepath } = context;
  const reason = await describePathAccess(filepath, lockCause(error));
  const now = options.now();

  if (state.memoryOnly && state.memoryOnly.expiresAt.getTime() > now) return state.memoryOnly;
  if (seen.expiresAt.getTime() > now) {
    state.lastFailedRefreshAtMs = now;
    options.logger.warn?.(
      `sso-token-provider: cannot lock ${filepath} to refresh ${describeLoginTarget(context.config)}: ` +
        `${reason}. Serving the cached token until it expires at ${seen.expiresAt.toISOString()}.`,
    );
    return servedFrom(seen);
  }

  const refreshable = checkRefreshable(context, seen);
  if (refreshable !== true) return refreshable;
  const owned = await checkOwnership(context, seen);
  if (owned !== true) return owned;
  try {
    const refreshed = await requestTokenRefresh(refreshRequestOf(context, seen), {
      clientConfig: options.clientConfig,
      logger: options.clientConfig?.logger,
      requestTimeoutMs: requestTimeoutFor(options.lockStaleMs),
      now: options.now,
    });
    keepInMemory(context, refreshed, `cannot lock it: ${reason}`);
    return refreshed;
  } catch (thrown) {
    return fallBackOrThrow(context, seen, toRefreshFailure(thrown));
  }
}

function lockCause(error: unknown): unknown {
  return error instanceof LockNotAcquiredError ? (error.cause ?? error) : error;
}

/**
 * A refreshed token that could not be written: serve it from memory and warn loudly, since
 * CreateToken spent the refresh token on disk and other processes must log in again.
 */
function keepInMemory(context: RefreshContext, refreshed: RefreshedToken, why: string): void {
  context.state.memoryOnly = refreshed;
  context.options.logger.warn?.(
    `sso-token-provider: refreshed the token of ${describeLoginTarget(context.config)} but did ` +
      `not save it to ${context.filepath}: ${why}. This process keeps it in memory; other ` +
      `processes will have to log in again. ${loginAdvice(context.config)}`,
  );
}

async function writeWithRetries(
  filepath: string,
  record: Record<string, unknown>,
): Promise<true | unknown> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    try {
      await writeTokenFile(filepath, record);
      return true;
    } catch (error) {
      lastError = error;
      if (attempt < WRITE_ATTEMPTS) await sleep(WRITE_RETRY_DELAY_MS);
    }
  }
  return lastError;
}

function refreshRequestOf(context: RefreshContext, file: TokenFile) {
  return {
    region: context.config.region,
    clientId: file.clientId!,
    clientSecret: file.clientSecret!,
    refreshToken: file.refreshToken!,
  };
}

/**
 * How long one CreateToken request may take: half the stale bound, and never under
 * {@link MIN_REQUEST_TIMEOUT_MS}. A live holder's lock does not go stale while it waits
 * (proper-lockfile touches the lock every `lockStaleMs / 2`), so the timeout only bounds how
 * long a hung request keeps the others waiting; and a request cut short after the service has
 * answered spends the refresh token for nothing, which a slow machine must not risk.
 */
function requestTimeoutFor(lockStaleMs: number): number {
  return Math.max(MIN_REQUEST_TIMEOUT_MS, Math.floor(lockStaleMs / 2));
}

function isValid(file: TokenFile, options: ResolvedProviderOptions): boolean {
  return file.expiresAt.getTime() > options.now();
}

function servedFrom(file: TokenFile): ServedToken {
  return { accessToken: file.accessToken, expiresAt: file.expiresAt };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
