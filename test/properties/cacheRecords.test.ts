// Properties of reading and writing token cache files, over generated records and bytes:
// reading never throws anything but our typed error, never shows a secret, and a record
// written and read back is unchanged but for `expiresAt` written from a Date.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatTimestamp, readTokenFile, writeTokenFile } from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { cacheFileBytes, SECRET_MARK, validRecord } from "./arbitraries.js";

let folder: string;
let run = 0;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "sso-token-provider-properties-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const nextPath = () => join(folder, `cache-${++run}.json`);

describe("reading generated cache files", () => {
  it("returns a valid token or TOKEN_FILE_INVALID naming the file, never a secret", async () => {
    const seen = { tokens: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(cacheFileBytes, async ({ bytes }) => {
        const filepath = nextPath();
        await writeFile(filepath, bytes);

        let outcome: unknown;
        try {
          outcome = await readTokenFile(filepath, { retryDelaysMs: [] });
        } catch (error) {
          expect(error).toBeInstanceOf(SsoTokenProviderError);
          const typed = error as SsoTokenProviderError;
          expect(typed.code).toBe("TOKEN_FILE_INVALID");
          expect(typed.message).toContain(filepath);
          expectNoSecret([typed.message, inspect(typed), JSON.stringify(typed), String(typed)]);
          seen.errors++;
          return;
        }

        const file = outcome as Awaited<ReturnType<typeof readTokenFile>>;
        expect(file).toBeDefined();
        expect(typeof file!.accessToken).toBe("string");
        expect(file!.accessToken).not.toBe("");
        expect(Number.isNaN(file!.expiresAt.getTime())).toBe(false);
        expectNoSecret([inspect(file), JSON.stringify(file), String(file), inspect(file!.record)]);
        seen.tokens++;
      }),
      { numRuns: 300 },
    );
    // The generators reach both outcomes.
    expect(seen.tokens).toBeGreaterThan(10);
    expect(seen.errors).toBeGreaterThan(10);
  });
});

describe("writing and reading back", () => {
  it("keeps every field and its order; a Date expiresAt is written in the CLI's form", async () => {
    await fc.assert(
      fc.asyncProperty(validRecord, async ({ record, expiresAtMs }) => {
        const filepath = nextPath();

        await writeTokenFile(filepath, record);
        const file = await readTokenFile(filepath, { retryDelaysMs: [] });

        const expected = asJsonData(record);
        expect(Object.keys(file!.record)).toEqual(Object.keys(expected));
        expect({ ...file!.record }).toEqual(expected);
        expect(file!.expiresAt.getTime()).toBe(expiresAtMs);
        expect(file!.accessToken).toBe(record.accessToken);
        expect(file!.mode).toBe(0o600);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * What a record is as JSON data: a Date as the CLI writes timestamps, -0 as 0, `undefined`
 * members left out; keys in the record's order.
 */
function asJsonData(record: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(record, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? formatTimestamp(raw) : value;
  });
  return JSON.parse(text);
}

function expectNoSecret(outputs: string[]): void {
  for (const output of outputs) expect(output).not.toContain(SECRET_MARK);
}
