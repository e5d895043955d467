import { parseTimestamp } from "./parseTimestamp.js";
import { tokenFileInvalidError } from "./tokenFileInvalidError.js";

/** The typed fields of a token record. */
export interface TokenFields {
  accessToken: string;
  expiresAt: Date;
  refreshToken?: string;
  clientId?: string;
  clientSecret?: string;
  registrationExpiresAt?: Date;
  region?: string;
  startUrl?: string;
}

/** Optional string keys; the secret ones are never quoted in a message. */
const OPTIONAL_STRING_KEYS = [
  "refreshToken",
  "clientId",
  "clientSecret",
  "region",
  "startUrl",
] as const;

// A stray value can be long; a message needs only its start.
const MAX_QUOTED_CHARS = 60;

/**
 * Checks a parsed token cache file and returns its typed fields.
 *
 * - The value must be a JSON object.
 * - `accessToken` must be a non-empty string and `expiresAt` a timestamp that
 *   {@link parseTimestamp} reads: a token without a known expiry is never served.
 * - `refreshToken`, `clientId`, `clientSecret`, `region`, `startUrl` must be strings and
 *   `registrationExpiresAt` a timestamp when present. `null` (some writers emit it for an
 *   absent field) counts as absent, and so does `""` for the string keys.
 *
 * @throws SsoTokenProviderError `TOKEN_FILE_INVALID` naming the file, the key and the problem;
 *   the values of secret keys are never quoted.
 * @internal
 */
export function validateTokenRecord(filepath: string, value: unknown): TokenFields {
  const fail = (problem: string) => tokenFileInvalidError(filepath, `is invalid: ${problem}`);

  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw fail(`it holds ${describeType(value)}, not a JSON object`);
  }
  const record = value as Record<string, unknown>;

  const accessToken = record.accessToken;
  if (accessToken === undefined || accessToken === null) throw fail("accessToken is missing");
  if (typeof accessToken !== "string") {
    throw fail(`accessToken is ${describeType(accessToken)}, not a string`);
  }
  if (accessToken === "") throw fail("accessToken is empty");

  const expiresAt = readTimestamp(record, "expiresAt", fail);
  if (expiresAt === undefined) {
    throw fail("expiresAt is missing, so the token's expiry is unknown");
  }

  const fields: TokenFields = { accessToken, expiresAt };
  for (const key of OPTIONAL_STRING_KEYS) {
    const optional = record[key];
    if (optional === undefined || optional === null || optional === "") continue;
    if (typeof optional !== "string") {
      throw fail(`${key} is ${describeType(optional)}, not a string`);
    }
    fields[key] = optional;
  }

  const registrationExpiresAt = readTimestamp(record, "registrationExpiresAt", fail);
  if (registrationExpiresAt !== undefined) fields.registrationExpiresAt = registrationExpiresAt;
  return fields;
}

function readTimestamp(
  record: Record<string, unknown>,
  key: "expiresAt" | "registrationExpiresAt",
  fail: (problem: string) => Error,
): Date | undefined {
  const raw = record[key];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw fail(`${key} is ${describeType(raw)}, not a timestamp string`);

  const date = parseTimestamp(raw);
  if (date === undefined) throw fail(`${key} ${quote(raw)} is not a timestamp`);
  return date;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

// Only for timestamps, which are not secret.
function quote(value: string): string {
  const start = value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}...` : value;
  return JSON.stringify(start);
}
