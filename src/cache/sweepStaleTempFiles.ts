import { lstat, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";

import { isTempFileName } from "./tempFileName.js";

/**
 * Removes the temporary files {@link writeTokenFile} leaves behind when its process is killed
 * between creating and renaming one: files in `dir` named `.<name>.<pid>.<random>.tmp` whose
 * last change is more than `olderThanMs` before `nowMs`. Nothing else is touched (not the
 * lock folders, not other tools' files). Call it under the session lock, with an age well
 * above a write's duration, so no live writer loses its file.
 *
 * @param nowMs defaults to `Date.now()`.
 * @returns how many files were removed; 0 when `dir` does not exist.
 * @public
 */
export async function sweepStaleTempFiles(
  dir: string,
  olderThanMs: number,
  nowMs: number = Date.now(),
): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }

  let removed = 0;
  for (const name of names.filter(isTempFileName)) {
    const path = join(dir, name);
    try {
      const stats = await lstat(path);
      if (!stats.isFile() || nowMs - stats.mtimeMs <= olderThanMs) continue;
      await unlink(path);
      removed++;
    } catch (error) {
      // Another sweeper (or the writer's own clean-up) got there first.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}
