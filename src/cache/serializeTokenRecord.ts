import { formatTimestamp } from "./formatTimestamp.js";

/**
 * Writes a record as the AWS CLI's `json.dumps` does, so a file we write reads (and mostly
 * looks) like one the CLI wrote: one line, `", "` between members, `": "` after keys, keys in
 * the record's order, characters outside printable ASCII escaped as `\uXXXX`, no trailing
 * newline. Example: `{"startUrl": "https://x.awsapps.com/start", "expiresAt": "..."}`.
 *
 * Why this form and not `JSON.stringify(record, null, 2)` (the JS SDK's)? Both parse in every
 * reader; this one keeps a file the CLI wrote byte for byte the same when nothing changed, and
 * keeps `git diff`-style comparisons with CLI output simple.
 *
 * Values follow JSON rules for plain data: strings, finite numbers, booleans, null, arrays and
 * plain objects (their own enumerable keys). Members that are `undefined`, functions or symbols
 * are left out (`null` inside arrays); non-finite numbers become `null`. A `Date` is written
 * with {@link formatTimestamp}. `toJSON` methods are not called: a record handed out by this
 * package carries a redacting `toJSON` for logs.
 *
 * @throws TypeError for a bigint or a circular structure, before any file is touched.
 * @public
 */
export function serializeTokenRecord(record: Readonly<Record<string, unknown>>): string {
  return serializeValue(record, new Set(), "record") ?? "null";
}

function serializeValue(value: unknown, parents: Set<object>, where: string): string | undefined {
  switch (typeof value) {
    case "string":
      return quoteString(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      throw new TypeError(`serializeTokenRecord: ${where} is a bigint, which JSON cannot hold`);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }

  if (value === null) return "null";
  if (value instanceof Date) return quoteString(formatTimestamp(value));
  if (parents.has(value as object)) {
    throw new TypeError(`serializeTokenRecord: ${where} refers back to itself`);
  }

  parents.add(value as object);
  const text = Array.isArray(value)
    ? serializeArray(value, parents, where)
    : serializeObject(value as Record<string, unknown>, parents, where);
  parents.delete(value as object);
  return text;
}

function serializeArray(items: unknown[], parents: Set<object>, where: string): string {
  const parts = items.map((item, index) => {
    return serializeValue(item, parents, `${where}[${index}]`) ?? "null";
  });
  return `[${parts.join(", ")}]`;
}

function serializeObject(
  object: Record<string, unknown>,
  parents: Set<object>,
  where: string,
): string {
  const parts: string[] = [];
  for (const key of Object.keys(object)) {
    const text = serializeValue(object[key], parents, `${where}.${key}`);
    if (text !== undefined) parts.push(`${quoteString(key)}: ${text}`);
  }
  return `{${parts.join(", ")}}`;
}

// JSON.stringify escapes quotes, backslashes, control characters and lone surrogates the same
// way Python does; Python's ensure_ascii also escapes DEL and everything above it.
function quoteString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
