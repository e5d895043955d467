// A process killed (SIGKILL) while it holds the session's lock, at each point of a refresh.
// What must hold afterwards: the cache file parses and is the old one or the new one, never a
// mix; a temporary file left behind is never taken for a cache file; the next process takes
// the lock over after the stale bound (`lockStaleMs`, 2 s here) and then:
//
// - if the service never saw the refresh token spent (killed before CreateToken reached it),
//   it refreshes with one CreateToken and the session goes on;
// - if the kill came after the service rotated the refresh token but before the new one was
//   renamed into place (during CreateToken, after it, or in the middle of the write), the
//   refresh token on disk is spent and only the dead process ever had its successor. No
//   client can save a token before it has received it, and the service keeps no grace period
//   for the old one, so this is the one loss a kill can cause. The next process gets
//   `invalid_grant`, looks for another writer's token for a moment, and then serves the
//   cached token while it is valid (with a warning that says to log in) or fails with
//   REFRESH_FAILED and the login command; it never deletes or rewrites the file, never hangs;
// - if the kill came after the rename, the next process simply uses the new token.
//
// Ten kills in all; `npm run soak` does a hundred at random points.
import { watch } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { createServer, type Server, type Socket } from "node:net";
import { basename, dirname } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { isTempFileName, readTokenFile } from "../../src/cache/index.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { acquireSessionLock } from "../../src/lock/index.js";
import { createSandbox, seedToken, sessionConfig, type Sandbox } from "../helpers/sandbox.js";
import { digestOf, startProviderChild, type TimedChildResult } from "./raceHarness.js";

const MINUTE = 60_000;
const STALE_MS = 2_000;
/** The next process's whole wait for the lock: the stale bound and a wide margin. */
const NEXT_LOCK_TIMEOUT_MS = 4 * STALE_MS;
const SLOW_TEST_MS = 60_000;

type KillPoint =
  | "before CreateToken"
  | "during CreateToken"
  | "after CreateToken"
  | "mid-write"
  | "at a random time";
type TokenState = "expired" | "inside the refresh window";

/** Where a kill landed, told by what it left behind. */
type Landing = "service untouched" | "token spent, not saved" | "new token saved";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe.concurrent("a refreshing process killed with SIGKILL", () => {
  const cases: [KillPoint, TokenState, Landing | undefined][] = [
    ["before CreateToken", "expired", "service untouched"],
    ["before CreateToken", "inside the refresh window", "service untouched"],
    ["during CreateToken", "expired", "token spent, not saved"],
    ["during CreateToken", "inside the refresh window", "token spent, not saved"],
    ["after CreateToken", "expired", "token spent, not saved"],
    ["after CreateToken", "inside the refresh window", "token spent, not saved"],
    // A write takes about a millisecond, so the kill may land just after the rename.
    ["mid-write", "expired", undefined],
    ["mid-write", "inside the refresh window", undefined],
    ["at a random time", "expired", undefined],
    ["at a random time", "inside the refresh window", undefined],
  ];

  const title = "%s, token %s";
  it.for(cases)(title, { timeout: SLOW_TEST_MS }, async (testCase, { expect }) => {
    const [point, tokenState, expectedLanding] = testCase;
    const run = await killOneRefresh(point, tokenState);

    if (expectedLanding) expect(run.landing).toBe(expectedLanding);
    await expectFileIntact(run, expect);
    if (point === "mid-write" && run.landing === "token spent, not saved") {
      // Killed between creating the temporary file and renaming it: the file is left over.
      expect(run.leftovers).toHaveLength(1);
    }
    const next = await runNextProcess(run, tokenState);
    await expectTakeOver(run, tokenState, next, expect);
  });
});

interface KilledRun {
  emulator: Emulator;
  sandbox: Sandbox;
  filepath: string;
  seededRefreshToken: string;
  seededAccessToken: string;
  textBefore: string;
  landing: Landing;
  /** Temporary files left in the cache folder. */
  leftovers: string[];
}

async function killOneRefresh(point: KillPoint, tokenState: TokenState): Promise<KilledRun> {
  const onCreateTokenAnswered: (() => void)[] = [];
  const emulator = await startEmulator({
    latencyMs: point === "at a random time" ? 50 : 0,
    onRequest: (event) => {
      if (event.operation === "CreateToken") onCreateTokenAnswered.forEach((hook) => hook());
    },
  });
  const sandbox = await createSandbox(sessionConfig(), emulator);
  cleanups.push(() => emulator.stop(), () => sandbox.cleanup());
  const seeded = await seedToken(emulator, sandbox, {
    expiresInMs: tokenState === "expired" ? -MINUTE : 2 * MINUTE,
  });
  const textBefore = await readFile(seeded.filepath, "utf8");

  let env = sandbox.env;
  let blackhole: Blackhole | undefined;
  if (point === "before CreateToken") {
    blackhole = await startBlackhole();
    env = { ...env, AWS_ENDPOINT_URL_SSO_OIDC: blackhole.url };
  }
  if (point === "during CreateToken") {
    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 300 });
  }

  const child = startProviderChild(env, { profile: "dev", lockStaleMs: STALE_MS });
  let stopWatching = () => {};
  switch (point) {
    case "before CreateToken":
      // The request never reaches the service: the connection is held open, then the kill.
      blackhole!.onConnection = () => child.kill();
      break;
    case "during CreateToken":
      await waitFor(() => emulator.counters.faultsApplied === 1);
      child.kill();
      break;
    case "after CreateToken":
      // Called as the answer leaves the emulator: the child holds the new tokens only in
      // memory, if it has read them at all.
      onCreateTokenAnswered.push(() => child.kill());
      break;
    case "mid-write": {
      const watcher = watch(dirname(seeded.filepath), (_event, name) => {
        if (name && isTempFileName(name)) child.kill();
      });
      stopWatching = () => watcher.close();
      break;
    }
    case "at a random time": {
      // Somewhere in the time the lock is held: loading the SSO OIDC client (100-300 ms),
      // CreateToken (with 50 ms of latency), the write, or just after it.
      const delayMs = Math.random() * 700;
      const watcher = watch(dirname(seeded.filepath), (_event, name) => {
        if (name === `${basename(seeded.filepath)}.lock`) {
          watcher.close();
          setTimeout(() => child.kill(), delayMs);
        }
      });
      stopWatching = () => watcher.close();
      break;
    }
  }

  const killed = await child.result;
  stopWatching();
  await blackhole?.stop();
  if (point !== "at a random time") expect(killed.signal).toBe("SIGKILL");
  // A request the emulator was still delaying is handled (and its token spent) all the same.
  await new Promise((resolve) => setTimeout(resolve, 400));

  const textAfter = await readFile(seeded.filepath, "utf8");
  const spent = !emulator.isRefreshTokenValid(seeded.refreshToken!);
  const landing: Landing =
    textAfter !== textBefore
      ? "new token saved"
      : spent
        ? "token spent, not saved"
        : "service untouched";

  return {
    emulator,
    sandbox,
    filepath: seeded.filepath,
    seededRefreshToken: seeded.refreshToken!,
    seededAccessToken: seeded.accessToken,
    textBefore,
    landing,
    leftovers: (await readdir(dirname(seeded.filepath))).filter(isTempFileName),
  };
}

/**
 * The file is whole JSON and a valid record, holding either the old token or a new one; any
 * temporary file left beside it is not named `*.json`, so no AWS tool reads it.
 */
async function expectFileIntact(run: KilledRun, expect: ExpectFn): Promise<void> {
  const text = await readFile(run.filepath, "utf8");
  expect(() => JSON.parse(text)).not.toThrow();
  const file = await readTokenFile(run.filepath, { retryDelaysMs: [] });
  expect(file).toBeDefined();
  if (run.landing === "new token saved") {
    expect(file!.accessToken).not.toBe(run.seededAccessToken);
    expect(run.emulator.isRefreshTokenValid(file!.refreshToken!)).toBe(true);
  } else {
    expect(text).toBe(run.textBefore);
  }

  const names = await readdir(dirname(run.filepath));
  const strays = names.filter((name) => name.endsWith(".json") && !run.filepath.endsWith(name));
  expect(strays).toEqual([]);
  expect(names.filter((name) => !name.endsWith(".json") && !name.endsWith(".lock"))).toEqual(
    names.filter(isTempFileName),
  );
}

/**
 * The next process: with an expired token, one call that must wait for the lock. Inside the
 * window, one process at once (served the valid token without waiting), then, once the dead
 * holder's lock has gone stale, one more that takes it over; their results are merged.
 */
async function runNextProcess(run: KilledRun, tokenState: TokenState): Promise<TimedChildResult> {
  const options = { profile: "dev", lockStaleMs: STALE_MS, lockTimeoutMs: NEXT_LOCK_TIMEOUT_MS };
  const plan = { verifyUrl: run.emulator.url };
  const first = await startProviderChild(run.sandbox.env, options, plan).result;
  if (tokenState === "expired") return first;

  await waitUntilStaleOrGone(`${run.filepath}.lock`);
  const second = await startProviderChild(run.sandbox.env, options, plan).result;
  return {
    ...second,
    ok: first.ok && second.ok,
    calls: [...first.calls, ...second.calls],
    warnings: [...first.warnings, ...second.warnings],
    stderr: first.stderr + second.stderr,
  };
}

/** Waits until a lock folder is gone or was last touched more than the stale bound ago. */
async function waitUntilStaleOrGone(lockPath: string): Promise<void> {
  for (;;) {
    const stats = await stat(lockPath).catch(() => undefined);
    if (stats === undefined || Date.now() - stats.mtimeMs > STALE_MS + 100) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function expectTakeOver(
  run: KilledRun,
  tokenState: TokenState,
  next: TimedChildResult,
  expect: ExpectFn,
): Promise<void> {
  const counters = run.emulator.counters;
  const record = JSON.parse(await readFile(run.filepath, "utf8"));
  const lastCall = next.calls[next.calls.length - 1]!;
  const oldDigest = digestOf(run.seededAccessToken);

  switch (run.landing) {
    case "service untouched":
      // The lock was taken over and the unspent refresh token refreshed once.
      expect(next.ok).toBe(true);
      expect(lastCall.digest).toBe(digestOf(record.accessToken));
      expect(lastCall.digest).not.toBe(oldDigest);
      expect(counters.invalidGrant).toBe(0);
      expect(counters.createTokenSuccesses.refresh_token).toBe(1);
      expect(run.emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
      break;

    case "new token saved":
      expect(next.ok).toBe(true);
      expect(lastCall.digest).toBe(digestOf(record.accessToken));
      expect(counters.invalidGrant).toBe(0);
      expect(run.emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
      break;

    case "token spent, not saved":
      // The next process did take the lock over (it got an answer from the service rather
      // than LOCK_TIMEOUT), was refused once, and left the file as it was.
      expect(counters.invalidGrant).toBe(1);
      expect(await readFile(run.filepath, "utf8")).toBe(run.textBefore);
      if (tokenState === "expired") {
        expect(next.ok).toBe(false);
        expect(lastCall.code).toBe("REFRESH_FAILED");
        expect(lastCall.message).toContain("invalid_grant");
        expect(lastCall.message).toContain("aws sso login --sso-session my-sso");
      } else {
        expect(next.ok).toBe(true);
        expect(new Set(next.calls.map((call) => call.digest))).toEqual(new Set([oldDigest]));
        // One warning from the process that was refused, and one more if the first process
        // too came after the lock went stale (it then reads the note of the refusal).
        expect(next.warnings.length).toBeGreaterThanOrEqual(1);
        for (const warning of next.warnings) {
          expect(warning).toContain("invalid_grant");
          expect(warning).toContain("serving the cached token");
        }
      }
      break;
  }

  for (const call of next.calls.filter((each) => each.ok)) {
    expect(call.verifyStatus ?? 200).toBe(200);
  }
  expect(next.stderr).toBe("");
  if (run.landing === "new token saved" && (await exists(`${run.filepath}.lock`))) {
    // Killed between the rename and the release: nobody has needed the lock since, and its
    // folder is left until the next refresh, which takes it over as stale.
    const lock = await acquireSessionLock(run.filepath, {
      timeoutMs: NEXT_LOCK_TIMEOUT_MS,
      staleMs: STALE_MS,
      purpose: "refresh",
    });
    await lock.release();
  }
  // Whoever held the lock last let it go.
  await expect(stat(`${run.filepath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
}

async function exists(path: string): Promise<boolean> {
  return await stat(path).then(
    () => true,
    () => false,
  );
}

type ExpectFn = typeof expect;

interface Blackhole {
  url: string;
  onConnection?: () => void;
  stop(): Promise<void>;
}

/** A TCP server that accepts connections and never answers. */
async function startBlackhole(): Promise<Blackhole> {
  const sockets: Socket[] = [];
  const blackhole: Blackhole = { url: "", stop: async () => undefined };
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
    blackhole.onConnection?.();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  blackhole.url = `http://127.0.0.1:${address.port}`;
  blackhole.stop = () =>
    new Promise<void>((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      server.close(() => resolve());
    });
  return blackhole;
}

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
