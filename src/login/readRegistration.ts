import { readFile, stat } from "node:fs/promises";

import { MAX_TOKEN_FILE_BYTES, parseTimestamp } from "../cache/index.js";
import { ClientRegistration } from "./ClientRegistration.js";

/** What {@link readRegistration} found. @internal */
export type RegistrationReadResult =
  | { kind: "found"; registration: ClientRegistration }
  | { kind: "missing" }
  /** The file exists but is not a usable registration; `problem` says why (no secrets). */
  | { kind: "invalid"; problem: string };

/**
 * Reads a cached client registration (`clientId`, `clientSecret`, `expiresAt`, and the
 * optional `scopes` and `grantTypes` lists). A file that is missing, too large, not JSON or
 * lacks a field is reported, never thrown: the caller registers anew and overwrites it.
 *
 * @internal
 */
export async function readRegistration(filepath: string): Promise<RegistrationReadResult> {
  let text: string;
  try {
    const stats = await stat(filepath);
    if (!stats.isFile()) return { kind: "invalid", problem: "it is not a regular file" };
    if (stats.size > MAX_TOKEN_FILE_BYTES) return { kind: "invalid", problem: "it is too large" };
    text = await readFile(filepath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    return { kind: "invalid", problem: `it cannot be read (${code ?? "error"})` };
  }

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's message may quote the client secret; say only what kind of failure it was.
    return { kind: "invalid", problem: "it is not valid JSON" };
  }
  return parseRegistration(value);
}

function parseRegistration(value: unknown): RegistrationReadResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "invalid", problem: "it is not a JSON object" };
  }
  const record = value as Record<string, unknown>;

  for (const key of ["clientId", "clientSecret", "expiresAt"]) {
    if (typeof record[key] !== "string" || record[key] === "") {
      return { kind: "invalid", problem: `${key} is missing or not a string` };
    }
  }
  const expiresAt = parseTimestamp(record.expiresAt);
  if (!expiresAt) return { kind: "invalid", problem: "expiresAt is not a timestamp" };

  const scopes = stringList(record.scopes);
  const grantTypes = stringList(record.grantTypes);
  if (scopes === null) return { kind: "invalid", problem: "scopes is not a list of strings" };
  if (grantTypes === null) {
    return { kind: "invalid", problem: "grantTypes is not a list of strings" };
  }

  const registration = new ClientRegistration({
    clientId: record.clientId as string,
    clientSecret: record.clientSecret as string,
    expiresAt,
    scopes,
    grantTypes,
  });
  return { kind: "found", registration };
}

/** undefined when absent, null when malformed. */
function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return null;
  return value as string[];
}
