import { readFile, stat } from "node:fs/promises";

import { MAX_TOKEN_FILE_BYTES, parseTimestamp } from "../cache/index.js";

/**
 * What logout needs from a cache file, read without validating it as a token record: logout
 * must also remove a file that is half written or otherwise broken. The access token stays
 * in memory, for the portal's Logout call only.
 *
 * @internal
 */
export interface RawCacheEntry {
  /** Present when the file is a JSON object with a non-empty string `accessToken`. */
  accessToken?: string;
  /** The file's `region`, when it is a string. */
  region?: string;
  /** The file's `expiresAt`, when it parses. */
  expiresAt?: Date;
  /** Whether the file is a JSON object with an `accessToken` key at all (a token file). */
  isTokenFile: boolean;
}

/**
 * Reads a cache file for logout. `undefined` when it does not exist; a file that cannot be
 * read or parsed counts as a token file without a usable token (so logout removes it).
 *
 * @internal
 */
export async function readRawCacheEntry(filepath: string): Promise<RawCacheEntry | undefined> {
  let text: string;
  try {
    const stats = await stat(filepath);
    if (!stats.isFile() || stats.size > MAX_TOKEN_FILE_BYTES) return { isTokenFile: false };
    text = await readFile(filepath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    return { isTokenFile: true };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { isTokenFile: true };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { isTokenFile: false };
  }

  const record = value as Record<string, unknown>;
  const entry: RawCacheEntry = { isTokenFile: Object.hasOwn(record, "accessToken") };
  if (typeof record.accessToken === "string" && record.accessToken !== "") {
    Object.defineProperty(entry, "accessToken", { value: record.accessToken, enumerable: false });
  }
  if (typeof record.region === "string" && record.region !== "") entry.region = record.region;
  const expiresAt = parseTimestamp(record.expiresAt);
  if (expiresAt) entry.expiresAt = expiresAt;
  return entry;
}
