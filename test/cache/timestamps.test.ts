import { describe, expect, it } from "vitest";

import { formatTimestamp, parseTimestamp } from "../../src/cache/index.js";

const iso = (value: unknown): string | undefined => parseTimestamp(value)?.toISOString();

describe(parseTimestamp.name, () => {
  it.each([
    ["2026-12-03T16:43:03Z", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03t16:43:03z", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03T18:43:03+02:00", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03T18:43:03+0200", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03T11:13:03-05:30", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03T11:13:03-0530", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03T16:43:03-00:00", "2026-12-03T16:43:03.000Z"],
    ["2026-12-04T00:13:03+07:30", "2026-12-03T16:43:03.000Z"],
    ["2020-01-02T03:04:05UTC", "2020-01-02T03:04:05.000Z"],
    ["2020-01-02T03:04:05utc", "2020-01-02T03:04:05.000Z"],
    ["2020-01-02T03:04:05.5UTC", "2020-01-02T03:04:05.500Z"],
    ["2026-12-03T16:43:03", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03 16:43:03", "2026-12-03T16:43:03.000Z"],
    ["2026-12-03 16:43:03+00:00", "2026-12-03T16:43:03.000Z"],
    ["  2026-12-03T16:43:03Z\n", "2026-12-03T16:43:03.000Z"],
    ["2024-02-29T23:59:59Z", "2024-02-29T23:59:59.000Z"],
    ["0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z"],
    ["0099-06-01T00:00:00Z", "0099-06-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000Z"],
  ])("reads %j as %s", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ["", "000"],
    [".1", "100"],
    [".12", "120"],
    [".123", "123"],
    [".1234", "123"],
    [".12345", "123"],
    [".123456", "123"],
    [".1234567", "123"],
    [".12345678", "123"],
    [".999999999", "999"],
  ])("reads fraction %j (cut, never rounded) as .%s", (fraction, millis) => {
    expect(iso(`2026-12-03T16:43:03${fraction}Z`)).toBe(`2026-12-03T16:43:03.${millis}Z`);
    expect(iso(`2026-12-03T18:43:03${fraction}+02:00`)).toBe(`2026-12-03T16:43:03.${millis}Z`);
  });

  it.each([
    "",
    "soon",
    "2026-12-03",
    "16:43:03",
    "2026-12-03T16:43Z",
    "2026-12-03T16:43:03.Z",
    "2026-12-03T16:43:03.1234567890Z",
    "2026-12-03T16:43:03+02",
    "2026-12-03T16:43:03+2:00",
    "2026-12-03T16:43:03+24:00",
    "2026-12-03T16:43:03+02:60",
    "2026-12-03T16:43:03 Z",
    "2026-12-03T16:43:03ZZ",
    "2026-12-03T16:43:03GMT",
    "2026-12-03T16:43:03PST",
    "2026-12-03T24:00:00Z",
    "2026-12-03T23:60:00Z",
    "2026-12-03T23:59:60Z",
    "2026-02-29T00:00:00Z",
    "2026-02-30T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-00-01T00:00:00Z",
    "2026-12-00T00:00:00Z",
    "0000-01-01T00:00:00Z",
    "26-12-03T16:43:03Z",
    "+002026-12-03T16:43:03Z",
    "2026-12-03T16:43:03.000Z junk",
    "Thu Dec 03 2026 16:43:03 GMT+0000",
    "1764780183",
  ])("returns undefined for %j", (value) => {
    expect(parseTimestamp(value)).toBeUndefined();
  });

  it.each([[undefined], [null], [1764780183], [true], [{}], [["2026-12-03T16:43:03Z"]]])(
    "returns undefined for the non-string %j",
    (value) => {
      expect(parseTimestamp(value)).toBeUndefined();
    },
  );
});

describe(formatTimestamp.name, () => {
  it("writes seconds and Z, dropping milliseconds", () => {
    expect(formatTimestamp(new Date("2026-12-03T16:43:03.999Z"))).toBe("2026-12-03T16:43:03Z");
    expect(formatTimestamp(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05Z");
  });

  it("pads small years, which toISOString also does but Date.UTC would remap", () => {
    const date = new Date(0);
    date.setUTCFullYear(99, 0, 1);
    expect(formatTimestamp(date)).toBe("0099-01-01T00:00:00Z");
  });

  it("round-trips through parseTimestamp", () => {
    const date = new Date("2031-07-15T08:09:10Z");
    expect(parseTimestamp(formatTimestamp(date))?.getTime()).toBe(date.getTime());
  });

  it("throws a RangeError for an Invalid Date or a year outside 1-9999", () => {
    expect(() => formatTimestamp(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatTimestamp(new Date("+010000-01-01T00:00:00Z"))).toThrow(/year 10000/);
  });
});
