import { unlink } from "node:fs/promises";

import { tokenFilePermissionError } from "./tokenFilePermissionError.js";

/**
 * Removes a token cache file, for logout. Like the AWS CLI's `os.remove`, a symbolic link is
 * removed itself and its target is left alone.
 *
 * @returns true when a file was removed, false when there was none.
 * @throws SsoTokenProviderError `TOKEN_FILE_PERMISSION` for EACCES/EPERM; other file system
 *   errors as they are (e.g. EISDIR for a folder).
 * @public
 */
export async function removeTokenFile(filepath: string): Promise<boolean> {
  try {
    await unlink(filepath);
    return true;
  } catch (error) {
    const fsError = error as NodeJS.ErrnoException;
    if (fsError.code === "ENOENT" || fsError.code === "ENOTDIR") return false;
    if (fsError.code === "EACCES" || fsError.code === "EPERM") {
      throw tokenFilePermissionError(filepath, "remove", fsError);
    }
    throw error;
  }
}
