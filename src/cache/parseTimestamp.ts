// Date, time, optional fraction, optional zone; one regular expression keeps every accepted
// form visible in one place. Groups: year, month, day, hour, minute, second, fraction, zone.
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Reads an `expiresAt`-style timestamp in every form real tools wrote:
 *
 * - `2026-01-02T03:04:05Z` (AWS CLI, Go), with 1 to 9 fractional digits (JS writes 3, Rust 6,
 *   Java up to 9); digits past milliseconds are dropped, never rounded up;
 * - offsets `+02:00` and `-0530`;
 * - the old AWS CLI suffix `UTC` (`2020-01-02T03:04:05UTC`, written until December 2020);
 * - a space instead of `T`, lowercase `t`/`z`, and surrounding white space;
 * - no zone at all, which is read as UTC (the CLI only ever wrote UTC times).
 *
 * Calendar values are checked (no February 30, hour 24 or second 60).
 *
 * @returns the instant, or `undefined` for a non-string or any other form; never an Invalid Date.
 * @public
 */
export function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;

  const match = TIMESTAMP.exec(value.trim());
  if (!match) return undefined;

  const [, year, month, day, hour, minute, second, fraction = "", zone = ""] = match;
  const offsetMinutes = parseOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;

  const fields = [year, month, day, hour, minute, second].map(Number) as SixNumbers;
  if (!isValidCalendarTime(fields)) return undefined;

  const millis = Number(fraction.padEnd(3, "0").slice(0, 3));
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(fields[0], fields[1] - 1, fields[2]);
  date.setUTCHours(fields[3], fields[4], fields[5], millis);
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

type SixNumbers = [number, number, number, number, number, number];

function parseOffsetMinutes(zone: string): number | undefined {
  if (zone === "" || /^(z|utc)$/i.test(zone)) return 0;

  const match = OFFSET.exec(zone);
  if (!match) return undefined;

  const [, sign, hours, minutes] = match;
  if (Number(hours) > 23 || Number(minutes) > 59) return undefined;
  const total = Number(hours) * 60 + Number(minutes);
  return sign === "-" ? -total : total;
}

function isValidCalendarTime([year, month, day, hour, minute, second]: SixNumbers): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;

  // Day 0 of the next month is the last day of this one (`month` is 1-based, JS months are not).
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}
