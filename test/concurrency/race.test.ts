// Many processes of ours on one SSO session: one CreateToken per expiry, a valid token for
// every process, no partial file for any reader, and a refresh token on disk that still works.
//
// Process counts: 2, 8, 32 and 64 started together; 2, 8 and 32 for the longer runs below. One
// child costs about 0.3 s of CPU (Node itself, the package, fetch for the check), so 64 of them
// take about 10 s on two cores; `npm run soak` runs 64 in every case.
import { readFile } from "node:fs/promises";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  type Sandbox,
  type SeededToken,
} from "../helpers/sandbox.js";
import {
  digestOf,
  runTimedChildren,
  seedTokenExpiringAt,
  startProviderChild,
  watchCacheFile,
  type CacheFileWatch,
  type TimedChildResult,
} from "./raceHarness.js";

const MINUTE = 60_000;
/** Generous: a busy machine starts processes slowly, and nothing here asserts speed. */
const SLOW_TEST_MS = 180_000;
/**
 * The provider's options in every child. The waits are long because on a busy machine one
 * refresh can take seconds and the assertions are about counts, not speed: a process that
 * waits for the lock must not give up (LOCK_TIMEOUT) while the holder is merely slow, nor may
 * the holder's CreateToken time out and be sent again (half of `lockStaleMs`).
 */
const PATIENT = { profile: "dev", lockTimeoutMs: 60_000, lockStaleMs: 30_000 };
/** Time for N children to import the package before they start together. */
const startDelayMs = (count: number) => 800 + count * 120;

describe("processes started together on one token", () => {
  let emulator: Emulator;
  let sandbox: Sandbox;

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator.stop();
  });
  beforeEach(async () => {
    sandbox = await createSandbox(sessionConfig(), emulator);
    emulator.resetCounters();
  });
  afterEach(async () => {
    await sandbox.cleanup();
  });

  async function race(count: number, seeded: SeededToken) {
    const watch = watchCacheFile(seeded.filepath);
    const results = await runTimedChildren(
      count,
      sandbox.env,
      PATIENT,
      { startAtMs: Date.now() + startDelayMs(count), verifyUrl: emulator.url },
    );
    return { results, seen: await watch.stop() };
  }

  const expiredTitle = "%i processes on an expired token: one CreateToken, one new token";
  it.each([2, 8, 32, 64])(expiredTitle, async (count) => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: -MINUTE });

    const { results, seen } = await race(count, seeded);

    expectEveryCallValid(results);
    const onDisk = JSON.parse(await readFile(seeded.filepath, "utf8"));
    expect(new Set(digestsOf(results))).toEqual(new Set([digestOf(onDisk.accessToken)]));
    expect(emulator.counters.requests.CreateToken).toBe(1);
    expect(emulator.counters.invalidGrant).toBe(0);
    expect(emulator.isRefreshTokenValid(onDisk.refreshToken)).toBe(true);
    expectWholeReads(seen, [digestOf(seeded.accessToken), digestOf(onDisk.accessToken)]);
  }, SLOW_TEST_MS);

  const windowTitle = "%i processes inside the refresh window: one CreateToken, no failure";
  it.each([2, 8, 32, 64])(windowTitle, async (count) => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 2 * MINUTE });

    const { results, seen } = await race(count, seeded);

    expectEveryCallValid(results);
    const onDisk = JSON.parse(await readFile(seeded.filepath, "utf8"));
    const allowed = new Set([digestOf(seeded.accessToken), digestOf(onDisk.accessToken)]);
    expect(digestsOf(results).every((digest) => allowed.has(digest))).toBe(true);
    expect(onDisk.accessToken).not.toBe(seeded.accessToken);
    expect(emulator.counters.requests.CreateToken).toBe(1);
    expect(emulator.counters.invalidGrant).toBe(0);
    expect(emulator.isRefreshTokenValid(onDisk.refreshToken)).toBe(true);
    expectWholeReads(seen, [digestOf(seeded.accessToken), digestOf(onDisk.accessToken)]);
  }, SLOW_TEST_MS);
});

// Tokens that live 20 s and a 12 s refresh window: each token is fresh for about 7 s (less the
// second that `expiresAt` loses to truncation), so a run of 10 s goes through two expiries.
// The margins are wide so that a slow machine never writes a token that is already inside the
// window (which would be refreshed again at once, correctly, but too briefly for the watching
// reader to be sure to see it). Each process count gets its own emulator and home and all run
// at once, to keep the wall time down.
const LIFETIME_SECONDS = 20;
const WINDOW_MS = 12_000;

describe("processes that run while the token expires", () => {
  const cases: { emulator: Emulator; sandbox: Sandbox }[] = [];

  afterAll(async () => {
    for (const { emulator, sandbox } of cases) {
      await emulator.stop();
      await sandbox.cleanup();
    }
  });

  async function newCase() {
    const emulator = await startEmulator({ accessTokenLifetimeSeconds: LIFETIME_SECONDS });
    const sandbox = await createSandbox(sessionConfig(), emulator);
    cases.push({ emulator, sandbox });
    return { emulator, sandbox };
  }

  it("2, 8 and 32 processes calling for 10 s: one CreateToken per expiry, all valid", async () => {
    const outcomes = await Promise.all(
      [2, 8, 32].map(async (count) => {
        const { emulator, sandbox } = await newCase();
        const startAtMs = Date.now() + startDelayMs(count);
        // Fresh for 1.5 s after the start, then inside the window.
        const seeded = await seedTokenExpiringAt(
          emulator,
          sandbox,
          new Date(startAtMs + WINDOW_MS + 1_500),
        );
        const watch = watchCacheFile(seeded.filepath);
        const results = await runTimedChildren(
          count,
          sandbox.env,
          { ...PATIENT, refreshWindowMs: WINDOW_MS },
          { startAtMs, untilMs: startAtMs + 10_000, intervalMs: 100, verifyUrl: emulator.url },
        );
        return { count, emulator, seeded, results, seen: await watch.stop() };
      }),
    );

    for (const outcome of outcomes) await expectOneRefreshPerExpiry(outcome);
  }, SLOW_TEST_MS);

  it("2, 8 and 32 processes started at staggered times over 4 s: the same", async () => {
    const outcomes = await Promise.all(
      [2, 8, 32].map(async (count) => {
        const { emulator, sandbox } = await newCase();
        const firstAtMs = Date.now() + 1_000;
        const seeded = await seedTokenExpiringAt(
          emulator,
          sandbox,
          new Date(firstAtMs + WINDOW_MS + 1_000),
        );
        const watch = watchCacheFile(seeded.filepath);
        const spacingMs = 4_000 / count;
        const running = Array.from({ length: count }, async (_, index) => {
          await sleepUntil(firstAtMs - 600 + index * spacingMs);
          const child = startProviderChild(
            sandbox.env,
            { ...PATIENT, refreshWindowMs: WINDOW_MS },
            { untilMs: Date.now() + 2_000, intervalMs: 100, verifyUrl: emulator.url },
          );
          return await child.result;
        });
        const results = await Promise.all(running);
        return { count, emulator, seeded, results, seen: await watch.stop() };
      }),
    );

    for (const outcome of outcomes) await expectOneRefreshPerExpiry(outcome);
  }, SLOW_TEST_MS);
});

/**
 * Every token that appeared on disk was refreshed exactly once: no CreateToken failed (a
 * second refresh of the same token would have got `invalid_grant`), each one produced a token
 * that reached the file, and every process only ever got tokens that were on disk.
 */
async function expectOneRefreshPerExpiry(outcome: {
  count: number;
  emulator: Emulator;
  seeded: SeededToken;
  results: TimedChildResult[];
  seen: CacheFileWatch;
}): Promise<void> {
  const { count, emulator, seeded, results, seen } = outcome;
  const label = `${count} processes`;
  const counters = emulator.counters;

  expectEveryCallValid(results);
  expect(counters.invalidGrant, label).toBe(0);
  expect(counters.requests.CreateToken, label).toBeGreaterThanOrEqual(1);
  expect(counters.createTokenSuccesses.refresh_token, label).toBe(counters.requests.CreateToken);
  expect(seen.partialReads, label).toBe(0);
  expect(seen.accessTokens[0], label).toBe(digestOf(seeded.accessToken));
  expect(seen.accessTokens.length, label).toBe(counters.requests.CreateToken + 1);
  expect(new Set(seen.accessTokens).size, label).toBe(seen.accessTokens.length);

  const onDisk = new Set(seen.accessTokens);
  expect(digestsOf(results).filter((digest) => !onDisk.has(digest)), label).toEqual([]);
  const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
  expect(emulator.isRefreshTokenValid(record.refreshToken), label).toBe(true);
}

/**
 * Every call of every process returned a token that had not expired, and the emulator's
 * bearer-authenticated VerifySession accepted each new one (checked right after the call; a
 * check that a stalled machine made only after the token's expiry proves nothing, so it is
 * left out), and nothing was printed or warned.
 */
function expectEveryCallValid(results: TimedChildResult[]): void {
  for (const result of results) {
    expect(result.stderr).toBe("");
    expect(result.warnings).toEqual([]);
    expect(result.calls.filter((call) => !call.ok)).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.calls[0]?.verifyStatus).toBeDefined();
    for (const call of result.calls) {
      expect(call).toMatchObject({ ok: true });
      const expiresAtMs = Date.parse(call.expiration!);
      expect(expiresAtMs).toBeGreaterThan(call.atMs);
      if (call.verifiedAtMs !== undefined && call.verifiedAtMs < expiresAtMs - 500) {
        expect(call.verifyStatus).toBe(200);
      }
    }
  }
}

/** Reads by another reader never saw a partial file, and saw only the expected tokens. */
function expectWholeReads(seen: CacheFileWatch, expected: string[]): void {
  expect(seen.partialReads).toBe(0);
  expect(seen.reads).toBeGreaterThan(0);
  expect(seen.accessTokens).toEqual(expected);
}

function digestsOf(results: TimedChildResult[]): string[] {
  return results.flatMap((result) => result.calls.map((call) => call.digest!));
}

async function sleepUntil(epochMs: number): Promise<void> {
  const waitMs = epochMs - Date.now();
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
}
