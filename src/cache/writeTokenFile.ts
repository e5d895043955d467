import { open, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { SsoTokenProviderError } from "../errors/index.js";

import { TOKEN_FILE_MODE } from "./constants.js";
import { ensureCacheDir } from "./ensureCacheDir.js";
import { resolveSymlinkTarget } from "./resolveSymlinkTarget.js";
import { serializeTokenRecord } from "./serializeTokenRecord.js";
import { tempFileName } from "./tempFileName.js";
import { tokenFilePermissionError } from "./tokenFilePermissionError.js";

/** @public */
export interface WriteTokenFileOptions {
  /**
   * Mode of the written file. Default `0o600`. When the file already exists with a narrower
   * mode (say `0o400`), the narrower one is kept, provided it still lets the owner read.
   * Not applied on Windows.
   */
  mode?: number;
}

const IS_WINDOWS = process.platform === "win32";

// Windows refuses to replace a file another process has open without FILE_SHARE_DELETE
// (Python's open, antivirus scanners); such locks are brief, so wait a little for them.
const WINDOWS_RENAME_RETRY_DELAYS_MS = [10, 20, 40, 80, 160, 320];

/**
 * Replaces a token cache file atomically, so a reader sees the old content or the new, never
 * a mix:
 *
 * 1. `record` is serialised first ({@link serializeTokenRecord}: the AWS CLI's compact form,
 *    keys in the record's order), so a bad record touches no file;
 * 2. a symbolic link is followed to its final target (a dangling link writes the path it names);
 *    the link itself is never replaced;
 * 3. the folder is created with mode 0700 when missing ({@link ensureCacheDir});
 * 4. the text goes to a new temporary file beside the target
 *    (`.<name>.<pid>.<random>.tmp`, opened with `wx` and the file's mode), is `fsync`ed and
 *    renamed over the target; then the folder is `fsync`ed so the rename survives a crash
 *    (not on Windows, where Node cannot open a folder).
 *
 * On failure the temporary file is removed and the error is thrown again. Call it under the
 * session lock: two writers would each succeed, and the last one would win.
 *
 * @returns the path really written: links and linked folders resolved.
 * @throws SsoTokenProviderError `TOKEN_FILE_PERMISSION` for EACCES/EPERM; `TOKEN_FILE_INVALID`
 *   for a loop of links; otherwise the file system error itself (ENOSPC, EROFS, EISDIR ...),
 *   or a TypeError for a record that is not JSON data.
 * @public
 */
export async function writeTokenFile(
  filepath: string,
  record: Record<string, unknown>,
  options: WriteTokenFileOptions = {},
): Promise<string> {
  const text = serializeTokenRecord(record);
  const linkTarget = await resolveSymlinkTarget(filepath);

  let target = linkTarget;
  try {
    await ensureCacheDir(dirname(linkTarget));
    target = join(await realpath(dirname(linkTarget)), basename(linkTarget));
  } catch (error) {
    throw toWriteError(target, error);
  }

  const mode = await chooseMode(target, options.mode ?? TOKEN_FILE_MODE);
  const tempPath = join(dirname(target), tempFileName(basename(target)));
  let created = false;
  try {
    const handle = await open(tempPath, "wx", mode);
    created = true;
    try {
      // The mode given to open passes through the umask; set it exactly.
      if (!IS_WINDOWS) await handle.chmod(mode);
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameOver(tempPath, target);
  } catch (error) {
    // Only our own file: a name clash (EEXIST) means the file is someone else's.
    if (created) await rm(tempPath, { force: true }).catch(() => undefined);
    throw toWriteError(target, error);
  }

  await syncFolder(dirname(target));
  return target;
}

async function chooseMode(target: string, wanted: number): Promise<number> {
  try {
    const current = (await stat(target)).mode & 0o777;
    const narrowed = wanted & current;
    // A mode the owner cannot read would lock the next reader out; keep it only if readable.
    return (narrowed & 0o400) !== 0 ? narrowed : wanted;
  } catch {
    // No file yet (or no access to it, which the write itself will report).
    return wanted;
  }
}

async function renameOver(from: string, to: string): Promise<void> {
  for (let retry = 0; ; retry++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const busy = code === "EPERM" || code === "EACCES" || code === "EBUSY";
      const delay = WINDOWS_RENAME_RETRY_DELAYS_MS[retry];
      if (!IS_WINDOWS || !busy || delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

async function syncFolder(folder: string): Promise<void> {
  if (IS_WINDOWS) return;
  try {
    const handle = await open(folder, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The new file is already in place; some file systems refuse to fsync a folder, and
    // failing the write now would report a token that was saved as lost.
  }
}

function toWriteError(target: string, error: unknown): unknown {
  if (error instanceof SsoTokenProviderError) return error;

  const fsError = error as NodeJS.ErrnoException;
  if (fsError.code === "EACCES" || fsError.code === "EPERM") {
    return tokenFilePermissionError(target, "write", fsError);
  }
  return error;
}
