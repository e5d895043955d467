import { lstat, readlink } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import { MAX_SYMLINK_HOPS } from "./constants.js";
import { tokenFileInvalidError } from "./tokenFileInvalidError.js";

/**
 * Follows `filepath` through any chain of symbolic links to the path that really holds (or,
 * for a dangling link, would hold) the file. Returns an absolute path; folders on the way are
 * not resolved here.
 *
 * @throws SsoTokenProviderError `TOKEN_FILE_INVALID` for a loop (more than 40 links).
 * @internal
 */
export async function resolveSymlinkTarget(filepath: string): Promise<string> {
  let current = resolve(filepath);

  for (let hops = 0; hops <= MAX_SYMLINK_HOPS; hops++) {
    try {
      const stats = await lstat(current);
      if (!stats.isSymbolicLink()) return current;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") return current;
      throw error;
    }

    // A relative link is relative to the folder holding the link.
    current = resolve(dirname(current), await readlink(current));
  }

  throw tokenFileInvalidError(
    filepath,
    `is a loop of symbolic links (more than ${MAX_SYMLINK_HOPS}); remove the link`,
  );
}
