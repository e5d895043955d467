import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inspect } from "node:util";

import { describe, expect, it } from "vitest";

import { readTokenFile, type TokenFile } from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";

// The corpus format is described in fixtures/cache/README.md.
interface Case {
  file: string;
  about: string;
  expect: SuccessExpectation | ErrorExpectation;
}

interface SuccessExpectation {
  expiresAt: string;
  fields?: Record<string, string | null>;
  recordKeys?: string[];
}

interface ErrorExpectation {
  error: string;
  messageIncludes: string[];
}

const FIXTURES = fileURLToPath(new URL("../../fixtures/cache/", import.meta.url));
const { cases } = JSON.parse(readFileSync(join(FIXTURES, "cases.json"), "utf8")) as {
  cases: Case[];
};
const NOT_CASES = new Set(["cases.json", "README.md"]);

describe("fixtures/cache corpus", () => {
  it("lists every fixture file exactly once", () => {
    const files = readdirSync(FIXTURES).filter((name) => !NOT_CASES.has(name));
    expect(cases.map((entry) => entry.file).sort()).toEqual(files.sort());
  });

  it.each(cases.map((entry) => [entry.file, entry] as const))("%s", async (_name, entry) => {
    const filepath = join(FIXTURES, entry.file);
    const outcome = await readTokenFile(filepath, { retryDelaysMs: [1, 1] }).then(
      (file) => ({ file }),
      (error: unknown) => ({ error }),
    );

    if ("error" in entry.expect) {
      expectError(outcome, filepath, entry.expect);
    } else {
      expectFile(outcome, entry.expect);
    }
  });
});

function expectError(
  outcome: { file?: TokenFile | undefined; error?: unknown },
  filepath: string,
  expected: ErrorExpectation,
): void {
  expect(outcome.file).toBeUndefined();
  expect(outcome.error).toBeInstanceOf(SsoTokenProviderError);

  const error = outcome.error as SsoTokenProviderError;
  expect(error.code).toBe(expected.error);
  expect(error.message).toContain(filepath);
  for (const part of expected.messageIncludes) expect(error.message).toContain(part);
  expectNoSecret(error.message);
  expectNoSecret(inspect(error));
  expectNoSecret(JSON.stringify(error));
}

function expectFile(
  outcome: { file?: TokenFile | undefined; error?: unknown },
  expected: SuccessExpectation,
): void {
  expect(outcome.error).toBeUndefined();
  const file = outcome.file as TokenFile;
  expect(file.expiresAt.toISOString()).toBe(expected.expiresAt);

  for (const [key, value] of Object.entries(expected.fields ?? {})) {
    const actual = (file as unknown as Record<string, unknown>)[key];
    const shown = actual instanceof Date ? actual.toISOString() : actual;
    expect(shown, key).toBe(value ?? undefined);
  }
  if (expected.recordKeys) expect(Object.keys(file.record)).toEqual(expected.recordKeys);

  expectNoSecret(inspect(file, { depth: Infinity }));
  expectNoSecret(JSON.stringify(file));
  expectNoSecret(String(file));
  expectNoSecret(inspect(file.record));
}

function expectNoSecret(text: string): void {
  expect(text).not.toContain("SECRET");
}
