/**
 * Writes a timestamp the way the AWS CLI does: `YYYY-MM-DDTHH:MM:SSZ`, in UTC, with the
 * milliseconds dropped (truncated, so a written expiry is never later than the real one).
 *
 * @throws RangeError for an Invalid Date or a year outside 1-9999 (no tool reads those).
 * @public
 */
export function formatTimestamp(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError("formatTimestamp: the date is invalid");
  }

  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new RangeError(`formatTimestamp: the year ${year} is outside 1-9999`);
  }

  const pad = (value: number, width = 2): string => String(value).padStart(width, "0");
  const day = `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const clock = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].map((n) => pad(n));
  return `${day}T${clock.join(":")}Z`;
}
