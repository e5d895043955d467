import { createHash } from "node:crypto";

import type { ConfigFilepaths } from "./resolveConfigFilepaths.js";
import type { SharedFiles } from "./SharedFiles.js";

/** Enough for every pair of paths a process uses in practice; the oldest goes first. */
const MAX_ENTRIES = 8;

const readings = new Map<string, { digest: string; files: SharedFiles }>();

/**
 * The last successful reading of the shared files at `paths`, if it was made from the same
 * texts. Checking every line and parsing with the SDK's loader costs milliseconds on a config
 * of a hundred sections, while reading the texts costs little; a provider created per call,
 * or one whose config recheck is due, then skips the parse when nothing changed. The texts
 * decide, not timestamps, so an edit within one mtime tick is still seen.
 *
 * @internal
 */
export function recallSharedFiles(
  paths: ConfigFilepaths,
  texts: readonly (string | undefined)[],
): SharedFiles | undefined {
  const known = readings.get(keyOf(paths));
  return known?.digest === digestOf(texts) ? known.files : undefined;
}

/** Keeps `files` for {@link recallSharedFiles}. @internal */
export function rememberSharedFiles(
  paths: ConfigFilepaths,
  texts: readonly (string | undefined)[],
  files: SharedFiles,
): void {
  const key = keyOf(paths);
  readings.delete(key);
  readings.set(key, { digest: digestOf(texts), files });
  if (readings.size > MAX_ENTRIES) readings.delete(readings.keys().next().value!);
}

function keyOf(paths: ConfigFilepaths): string {
  return JSON.stringify(paths);
}

/** A digest rather than the texts, so memory stays small whatever the files' size. */
function digestOf(texts: readonly (string | undefined)[]): string {
  const hash = createHash("sha256");
  for (const text of texts) hash.update(text === undefined ? "\u0000absent" : `\u0001${text}`);
  return hash.digest("hex");
}
