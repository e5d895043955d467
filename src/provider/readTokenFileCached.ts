import { stat } from "node:fs/promises";
import { performance } from "node:perf_hooks";

import { readTokenFile, type TokenFile } from "../cache/index.js";
import type { SessionState } from "./sessionState.js";

/**
 * How long a file once read is trusted without looking at the disk. A logout or a login by
 * another process is seen within this time; within it, a fresh token costs no system call.
 *
 * @internal
 */
export const TOKEN_FILE_RECHECK_MS = 1000;

/**
 * Reads the token cache file for the hot path: from memory when it was checked less than
 * {@link TOKEN_FILE_RECHECK_MS} ago, after a `stat` when that shows the file unchanged, and
 * from disk otherwise. `undefined` when the file does not exist.
 *
 * @internal
 */
export async function readTokenFileCached(
  filepath: string,
  state: SessionState,
): Promise<TokenFile | undefined> {
  const checkedAtMs = performance.now();
  const lastRead = state.lastRead;
  if (lastRead && checkedAtMs - lastRead.checkedAtMs < TOKEN_FILE_RECHECK_MS) {
    return lastRead.file;
  }

  let signature: string;
  try {
    const stats = await stat(filepath);
    signature = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    state.lastRead = undefined;
    return undefined;
  }

  if (lastRead && lastRead.signature === signature) {
    lastRead.checkedAtMs = checkedAtMs;
    return lastRead.file;
  }

  const file = await readTokenFile(filepath);
  state.lastRead = file ? { file, checkedAtMs, signature } : undefined;
  return file;
}
