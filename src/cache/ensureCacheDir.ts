import { chmod, mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

import { CACHE_DIR_MODE } from "./constants.js";

/**
 * Creates `dir` and any missing parents with mode 0700 (owner only), whatever the umask.
 * An existing folder is left as it is, mode included.
 *
 * On Windows the mode is not applied (folders inherit their ACLs there).
 *
 * @throws the `mkdir` error, e.g. EACCES, or ENOTDIR/EEXIST when a file is in the way.
 * @public
 */
export async function ensureCacheDir(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true, mode: CACHE_DIR_MODE });
  if (firstCreated === undefined || process.platform === "win32") return;

  // mkdir's mode passes through the umask; set it exactly on each folder this call created.
  const stop = resolve(firstCreated);
  for (let current = resolve(dir); ; current = dirname(current)) {
    await chmod(current, CACHE_DIR_MODE);
    if (current === stop || dirname(current) === current) return;
  }
}
