import { constants, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

import { SsoTokenProviderError } from "../errors/index.js";

import { DEFAULT_READ_RETRY_DELAYS_MS, MAX_TOKEN_FILE_BYTES } from "./constants.js";
import { parseJsonBytes } from "./parseJsonBytes.js";
import { TokenFile, type TokenFileStats } from "./TokenFile.js";
import { tokenFileInvalidError } from "./tokenFileInvalidError.js";
import { tokenFilePermissionError } from "./tokenFilePermissionError.js";

// Windows has no O_NONBLOCK (nor FIFOs at ordinary paths).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** @public */
export interface ReadTokenFileOptions {
  /**
   * Waits, in ms, between reads of a file that is empty or not whole JSON, because the AWS CLI
   * rewrites the file in place and a reader can catch it half written. One read per entry,
   * plus the first. Default `[10, 20, 30, 40]`: about 100 ms in all. `[]` reads once.
   */
  retryDelaysMs?: readonly number[];
  /** Called before each wait (1 for the first retry), e.g. to log at debug level. */
  onRetry?: (retry: number, delayMs: number) => void;
}

/**
 * Reads and validates a token cache file (symbolic links are followed).
 *
 * The file is checked with `stat` before it is opened (without blocking): a file over 1 MiB
 * or anything but a regular file is refused without reading it. Empty or broken JSON is read
 * again on the `retryDelaysMs` schedule; a file that parses but is not a valid token record
 * is not.
 *
 * A caller must never rewrite a file this function rejected: its content is unknown.
 *
 * @returns the file, or `undefined` when it does not exist (nor does its folder).
 * @throws SsoTokenProviderError `TOKEN_FILE_INVALID` (bad content, too large, not a file,
 *   unreadable for another reason) or `TOKEN_FILE_PERMISSION` (EACCES/EPERM).
 * @public
 */
export async function readTokenFile(
  filepath: string,
  options: ReadTokenFileOptions = {},
): Promise<TokenFile | undefined> {
  const { retryDelaysMs = DEFAULT_READ_RETRY_DELAYS_MS, onRetry } = options;

  for (let retry = 0; ; retry++) {
    const snapshot = await readSnapshot(filepath);
    if (snapshot === undefined) return undefined;

    const parsed = parseJsonBytes(snapshot.bytes);
    if (parsed.ok) return new TokenFile(filepath, parsed.value, snapshot.stats);

    if (retry >= retryDelaysMs.length) {
      const waited = retryDelaysMs.reduce((sum, delay) => sum + delay, 0);
      const reads = retry + 1;
      const tries = reads === 1 ? "" : `, even after ${reads} reads over ${waited} ms`;
      throw tokenFileInvalidError(filepath, `${parsed.problem}${tries}`);
    }

    const delay = retryDelaysMs[retry] ?? 0;
    onRetry?.(retry + 1, delay);
    await sleep(delay);
  }
}

interface Snapshot {
  bytes: Buffer;
  stats: TokenFileStats;
}

async function readSnapshot(filepath: string): Promise<Snapshot | undefined> {
  let pathStats: Stats;
  try {
    pathStats = await stat(filepath);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw toReadError(filepath, error);
  }
  // Opening a FIFO would block, a device may act on being opened, and a huge file would cost
  // memory: look before opening.
  checkShape(filepath, pathStats);

  let handle;
  try {
    // Non-blocking too, in case a FIFO replaced the file since `stat`.
    handle = await open(filepath, OPEN_FLAGS);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw toReadError(filepath, error, pathStats);
  }

  try {
    // The file may have been replaced since `stat`; describe the one actually opened.
    const stats = await handle.stat();
    checkShape(filepath, stats);

    // One byte more than allowed tells a file that grew past the limit since `stat`.
    const buffer = Buffer.alloc(Math.min(stats.size, MAX_TOKEN_FILE_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const wanted = buffer.length - length;
      const { bytesRead } = await handle.read(buffer, length, wanted, length);
      length += bytesRead;
      // A short read of a regular file means its end: no second call to learn it.
      if (bytesRead < wanted) break;
    }
    if (length > MAX_TOKEN_FILE_BYTES) throw tooLarge(filepath, length);

    const fileStats = { mode: stats.mode & 0o777, uid: stats.uid, mtimeMs: stats.mtimeMs };
    return { bytes: buffer.subarray(0, length), stats: fileStats };
  } catch (error) {
    throw toReadError(filepath, error, pathStats);
  } finally {
    await handle.close();
  }
}

function checkShape(filepath: string, stats: Stats): void {
  if (!stats.isFile()) {
    const kind = stats.isDirectory() ? "a folder" : "not a regular file";
    throw tokenFileInvalidError(filepath, `is ${kind}`);
  }
  if (stats.size > MAX_TOKEN_FILE_BYTES) throw tooLarge(filepath, stats.size);
}

function tooLarge(filepath: string, size: number): SsoTokenProviderError {
  return tokenFileInvalidError(
    filepath,
    `is ${size} bytes, larger than the ${MAX_TOKEN_FILE_BYTES} bytes (1 MiB) a token file can be`,
  );
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function toReadError(filepath: string, error: unknown, stats?: Stats): unknown {
  if (error instanceof SsoTokenProviderError) return error;

  const fsError = error as NodeJS.ErrnoException;
  if (fsError.code === "EACCES" || fsError.code === "EPERM") {
    const ownership = stats && { uid: stats.uid, mode: stats.mode & 0o777 };
    return tokenFilePermissionError(filepath, "read", fsError, ownership);
  }
  if (fsError.code === "ELOOP") {
    return tokenFileInvalidError(filepath, "is a loop of symbolic links", error);
  }

  const code = fsError.code ? ` (${fsError.code})` : "";
  return tokenFileInvalidError(filepath, `cannot be read${code}`, error);
}
