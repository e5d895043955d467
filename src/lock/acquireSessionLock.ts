import { readFile, rm, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

import type { LockOptions } from "proper-lockfile";

/** What a lock holder is doing; a waiter tells a person at a browser from a quick refresh. */
export type LockPurpose = "refresh" | "login";

/** @internal */
export interface AcquireSessionLockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs: number;
  /** A lock whose holder stopped updating it for this long is taken over (at least 2000). */
  staleMs: number;
  purpose: LockPurpose;
}

/**
 * A held per-session lock. `compromised` turns true when proper-lockfile finds the lock was
 * taken over (our process stalled past the stale bound); the holder must then abandon its write.
 *
 * @internal
 */
export interface SessionLock {
  readonly compromised: boolean;
  release(): Promise<void>;
}

/**
 * Why a lock could not be taken: another process held it (or several fought over it) for the
 * whole wait (`busy`, with `loginInProgress` when that holder is a login), or the lock folder
 * cannot be created at all (`unavailable`: read-only home, missing permission).
 *
 * @internal
 */
export class LockNotAcquiredError extends Error {
  override name = "LockNotAcquiredError";

  constructor(
    readonly reason: "busy" | "unavailable",
    readonly lockPath: string,
    readonly loginInProgress: boolean,
    options?: { cause?: unknown },
  ) {
    super(
      reason === "busy"
        ? `the lock ${lockPath} is held by another process`
        : `the lock ${lockPath} cannot be created`,
      options,
    );
  }
}

const RETRY_STEP_MS = 50;

type LockFunction = (file: string, options: LockOptions) => Promise<() => Promise<void>>;
let loadingLock: Promise<LockFunction> | undefined;

/**
 * proper-lockfile, loaded on the first lock: it loads graceful-fs, which patches `fs`, and
 * a process whose token is fresh never needs a lock, so it should not pay for them.
 */
function loadLock(): Promise<LockFunction> {
  loadingLock ??= import("proper-lockfile").then((lockfile) => lockfile.lock);
  return loadingLock;
}

/**
 * Takes the inter-process lock of one token cache file: `<file>.lock`, a folder created by
 * proper-lockfile. The file itself need not exist (no `realpath`). Waits at most `timeoutMs`.
 *
 * A login writes `<file>.login` beside the lock while it holds it, so that waiters can say
 * why they waited. The marker is only read after a wait has timed out.
 *
 * @internal
 */
export async function acquireSessionLock(
  filepath: string,
  options: AcquireSessionLockOptions,
): Promise<SessionLock> {
  const lockPath = `${filepath}.lock`;
  let compromised = false;
  let release: () => Promise<void>;

  try {
    release = await lockWithin(filepath, options, () => {
      compromised = true;
    });
  } catch (error) {
    throw await explainLockFailure(filepath, lockPath, error);
  }

  if (options.purpose === "login") {
    await writeFile(loginMarkerPath(filepath), `${process.pid}\n`, { mode: 0o600 });
  }

  return {
    get compromised() {
      return compromised;
    },
    async release() {
      if (options.purpose === "login") {
        await rm(loginMarkerPath(filepath), { force: true });
      }
      // A compromised lock may already belong to someone else: leave it to them.
      if (compromised) return;
      await release().catch(() => undefined);
    },
  };
}

/**
 * Errors after which the lock can never be taken here: no permission, a read-only or full
 * file system. Only these make the lock "unavailable"; a
 * refresh then happens in memory only, which spends the refresh token every other process
 * shares, so nothing else may lead there.
 */
const CANNOT_LOCK = new Set(["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT"]);

/**
 * What a wait that timed out ends on: the lock held by another process (ELOCKED), or its
 * folder missing while a logout or a first login re-creates it (ENOENT).
 */
const CONTENTION = new Set(["ELOCKED", "ENOENT"]);

/**
 * Whether a file-system error means no lock can ever be taken in that folder (see
 * {@link CANNOT_LOCK}), such as a failure to create the cache folder itself.
 *
 * @internal
 */
export function cannotEverLock(error: unknown): boolean {
  return CANNOT_LOCK.has((error as NodeJS.ErrnoException | undefined)?.code ?? "");
}

/**
 * proper-lockfile does not wait by default, and its own retries retry every error, so a
 * folder that can never hold a lock would cost the whole wait. Retry, until the deadline,
 * every error but those in {@link CANNOT_LOCK}: `ELOCKED` (someone holds it) and also
 * `ENOENT`, which is contention too. proper-lockfile takes a stale lock over in two steps
 * (remove the folder, create it again), so when several processes take the same stale lock
 * over at once, one can remove the folder another has just created, whose check of it then
 * fails with ENOENT.
 */
async function lockWithin(
  filepath: string,
  options: AcquireSessionLockOptions,
  onCompromised: () => void,
): Promise<() => Promise<void>> {
  const lock = await loadLock();
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    try {
      return await lock(filepath, {
        realpath: false,
        stale: options.staleMs,
        retries: 0,
        // The default throws from a timer and kills the process; we only stop writing.
        onCompromised,
      });
    } catch (error) {
      if (cannotEverLock(error) || isNotALock(error) || Date.now() >= deadline) throw error;
      await sleep(RETRY_STEP_MS / 2 + Math.random() * RETRY_STEP_MS);
    }
  }
}

/**
 * A file (not a folder) at the lock's path: proper-lockfile, finding it old, fails to remove
 * it as a stale lock with ENOTDIR. No retry or in-memory refresh helps; a person must look.
 */
function isNotALock(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOTDIR";
}

function loginMarkerPath(filepath: string): string {
  return `${filepath}.login`;
}

async function explainLockFailure(
  filepath: string,
  lockPath: string,
  error: unknown,
): Promise<LockNotAcquiredError> {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  if (cannotEverLock(error)) {
    return new LockNotAcquiredError("unavailable", lockPath, false, { cause: error });
  }
  if (isNotALock(error)) {
    throw new Error(
      `${lockPath} exists but is not a folder, so it is no lock of any tool: remove it`,
      { cause: error },
    );
  }
  // Anything but contention (a lock library that failed to load, an unexpected failure) is
  // passed on as it is: calling it a held lock would send the user after another process.
  if (!CONTENTION.has(code)) throw error;
  const loginInProgress = await isLoginInProgress(filepath);
  return new LockNotAcquiredError("busy", lockPath, loginInProgress, { cause: error });
}

/**
 * Whether the login marker names a live process. A login killed with SIGKILL leaves its
 * marker behind; a dead pid means it is no login any more (on one machine, which is where
 * a home folder's lock is shared).
 */
async function isLoginInProgress(filepath: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number.parseInt(await readFile(loginMarkerPath(filepath), "utf8"), 10);
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
