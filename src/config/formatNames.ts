import { MAX_NAMES_LISTED } from "./constants.js";

/**
 * Lists names for a message: each in double quotes, comma-separated, at most
 * {@link MAX_NAMES_LISTED} then "and N more"; "none" when empty.
 *
 * @internal
 */
export function formatNames(names: Iterable<string>): string {
  const all = [...names];
  if (all.length === 0) return "none";

  const shown = all.slice(0, MAX_NAMES_LISTED).map((name) => JSON.stringify(name));
  const rest = all.length - shown.length;

  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}
