import { stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * A sentence for a permission failure on a cache path: who owns the nearest existing folder
 * or file of the path that failed (the error's, else `path`), with which mode, who we are, and how to fix it. Never throws.
 *
 * @internal
 */
export async function describePathAccess(path: string, error: unknown): Promise<string> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "error";
  const reason = error instanceof Error ? error.message : String(error);
  // The path that could not be made (the lock folder, a temporary file) leads to the folder
  // whose owner and mode matter; the token file's own would mislead.
  const failedPath = (error as NodeJS.ErrnoException | undefined)?.path;
  const owner = await describeOwner(typeof failedPath === "string" ? failedPath : path);
  const me = typeof process.getuid === "function" ? `you are uid ${process.getuid()}` : "";
  const fix =
    code === "EROFS"
      ? "the file system is read-only; point HOME at a writable folder"
      : `make it yours and private: chown -R "$(id -u)" '${dirname(path)}' && ` +
        `chmod 700 '${dirname(path)}'`;
  return `${reason} (${[owner, me].filter(Boolean).join("; ")}); fix: ${fix}`;
}

async function describeOwner(path: string): Promise<string> {
  for (let current = path; ; current = dirname(current)) {
    try {
      const stats = await stat(current);
      const mode = (stats.mode & 0o777).toString(8).padStart(4, "0");
      return `${current} is owned by uid ${stats.uid} with mode ${mode}`;
    } catch {
      if (dirname(current) === current) return "";
    }
  }
}
