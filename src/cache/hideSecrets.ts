import { inspect } from "node:util";

/**
 * Keys of a token record whose values are safe to show. Every other value is hidden, because
 * an unknown field may hold a secret (an `idToken`, a future key) as well as the known ones
 * (`accessToken`, `refreshToken`, `clientSecret`).
 */
const SHOWN_KEYS: ReadonlySet<string> = new Set([
  "startUrl",
  "region",
  "expiresAt",
  "registrationExpiresAt",
  "clientId",
]);

/** What a hidden value looks like in logs. */
export const HIDDEN = "[hidden]";

/**
 * A copy of a record for logs: every key, in order, with the values of all keys but the
 * safe ones (start URL, region, timestamps, client id) replaced by `[hidden]`.
 *
 * @public
 */
export function describeRecord(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    shown[key] = SHOWN_KEYS.has(key) ? record[key] : HIDDEN;
  }
  return shown;
}

/**
 * Gives a token record non-enumerable `toJSON` and `util.inspect` hooks that show it through
 * {@link describeRecord}, so logging it never prints a secret. Keys, spreading and
 * `writeTokenFile` are unaffected (they read the enumerable keys, not the hooks).
 *
 * @returns the same object.
 * @public
 */
export function hideSecrets<T extends Record<string, unknown>>(record: T): T {
  const describe = (): Record<string, unknown> => describeRecord(record);
  Object.defineProperty(record, "toJSON", { value: describe, enumerable: false });
  Object.defineProperty(record, inspect.custom, {
    value: (_depth: number, options: object) => inspect(describe(), options),
    enumerable: false,
  });
  return record;
}
