import { lstat, realpath, stat } from "node:fs/promises";
import { dirname } from "node:path";

/** A path on the way to a cache file that belongs to someone else. @public */
export interface ForeignOwner {
  path: string;
  uid: number;
}

/**
 * The first path a write to `filepath` would go through that another user owns: the cache
 * folder, a symlink at `filepath`, the file it leads to, or that file's folder. A process
 * whose HOME is someone else's (`sudo` that kept HOME) must neither take their files over nor
 * follow a link they planted, so writers check this first. `undefined` where every existing
 * path is ours, and always on Windows, which has no uids.
 *
 * @public
 */
export async function findForeignOwner(
  filepath: string,
  uid: number | undefined = process.geteuid?.(),
): Promise<ForeignOwner | undefined> {
  if (uid === undefined) return undefined;

  const target = await realpath(filepath).catch(() => undefined);
  type Look = (path: string) => Promise<{ uid: number }>;
  const checks: [string, Look][] = [
    [dirname(filepath), stat],
    [filepath, lstat],
  ];
  if (target) checks.push([target, stat], [dirname(target), stat]);

  for (const [path, look] of checks) {
    const stats = await look(path).catch(() => undefined);
    if (stats && stats.uid !== uid) return { path, uid: stats.uid };
  }
  return undefined;
}
