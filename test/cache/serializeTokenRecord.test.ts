import { spawnSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { serializeTokenRecord } from "../../src/cache/index.js";

const SAMPLE: Record<string, unknown> = {
  startUrl: "https://d-1234567890.awsapps.com/start",
  region: "us-east-1",
  accessToken: "aoa/+=SECRET",
  nested: { list: [1, -2.5, 1e21, true, false, null, "x"], empty: {}, none: [] },
  quote: 'he said "hi" \\ back',
  control: "tab\tnewline\nreturn\rbell\u0007del\u007f",
  accents: "café, naïve, Ελληνικά",
  astral: "key \u{1F511} emoji",
  lone: "half \ud800 surrogate",
  slash: "a/b",
  count: 0,
};

function findPython(): string | undefined {
  for (const name of ["python3", "python"]) {
    if (spawnSync(name, ["--version"]).status === 0) return name;
  }
  return undefined;
}

const python = findPython();
const requireAll = Boolean(process.env.SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS);

describe(serializeTokenRecord.name, () => {
  it("uses the CLI's compact separators and keeps key order", () => {
    expect(serializeTokenRecord({ b: "1", a: 2, c: { z: [1, "two"], y: null } })).toBe(
      '{"b": "1", "a": 2, "c": {"z": [1, "two"], "y": null}}',
    );
  });

  it("escapes non-ASCII like Python's ensure_ascii", () => {
    expect(serializeTokenRecord({ s: "café \u{1F511}\u007f" })).toBe(
      '{"s": "caf\\u00e9 \\ud83d\\udd11\\u007f"}',
    );
  });

  it.skipIf(!python && !requireAll)("matches Python's json.dumps byte for byte", () => {
    expect(python, "python3 is needed to compare with json.dumps").toBeDefined();
    const script =
      "import json, sys; sys.stdout.write(json.dumps(json.loads(sys.stdin.read())))";
    const result = spawnSync(python!, ["-c", script], {
      input: JSON.stringify(SAMPLE),
      encoding: "utf8",
    });

    expect(result.stderr).toBe("");
    // Python writes floats like 1e21 as 1e+21, which is what JS writes too.
    expect(serializeTokenRecord(SAMPLE)).toBe(result.stdout);
  });

  it("leaves out undefined, functions and symbols as JSON does", () => {
    const record = { a: undefined, b: () => 1, c: Symbol("c"), d: [undefined, () => 1], e: 1 };
    expect(serializeTokenRecord(record)).toBe('{"d": [null, null], "e": 1}');
  });

  it("writes non-finite numbers as null", () => {
    expect(serializeTokenRecord({ a: Number.NaN, b: Infinity })).toBe('{"a": null, "b": null}');
  });

  it("writes a Date in the CLI's timestamp form", () => {
    const record = { expiresAt: new Date("2026-12-03T16:43:03.999Z") };
    expect(serializeTokenRecord(record)).toBe('{"expiresAt": "2026-12-03T16:43:03Z"}');
  });

  it("ignores toJSON methods (the redacting one on our records included)", () => {
    const record = { a: "x", toJSON: undefined, inner: { toJSON: () => "hidden", v: 1 } };
    expect(serializeTokenRecord(record)).toBe('{"a": "x", "inner": {"v": 1}}');
  });

  it("throws a TypeError naming the key of a bigint", () => {
    expect(() => serializeTokenRecord({ outer: { n: [1n] } })).toThrow(
      "serializeTokenRecord: record.outer.n[0] is a bigint",
    );
  });

  it("throws a TypeError for a circular structure, but allows shared objects", () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => serializeTokenRecord({ loop })).toThrow("record.loop.self refers back to itself");

    const shared = { v: 1 };
    expect(serializeTokenRecord({ a: shared, b: shared })).toBe('{"a": {"v": 1}, "b": {"v": 1}}');
  });
});
