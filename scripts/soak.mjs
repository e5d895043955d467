// npm run soak: the concurrency and crash checks of test/concurrency, at full size.
//
// 1. Races of 64 processes on one session (expired, inside the refresh window, expiring while
//    they run, started at staggered times): one CreateToken per expiry, every token valid, no
//    reader sees a partial file, the refresh token left on disk works.
// 2. A hundred SIGKILLs at random points of a refresh (while 0 to 7 other processes wait for
//    the lock), each checked for what it may leave behind; see "Where a kill can land" below.
//
// Usage: node scripts/soak.mjs [--kills 100] [--lanes 4] [--racers 64] [--skip-races]
// Runs against dist/ (npm run soak builds first). Exits non-zero if anything was lost.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { watch } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const dist = new URL("../dist/esm/", import.meta.url);
const { startEmulator } = await import(new URL("emulator/index.js", dist));
const { getTokenFilepath, isTempFileName, newTokenRecord, readTokenFile, writeTokenFile } =
  await import(new URL("cache/index.js", dist));
const { acquireSessionLock } = await import(new URL("lock/index.js", dist));
const CHILD = fileURLToPath(new URL("../test/helpers/providerChild.mjs", import.meta.url));
let leftUntilNextRefresh = 0;
let twoHolders = 0;

const { values: args } = parseArgs({
  options: {
    kills: { type: "string", default: "100" },
    lanes: { type: "string", default: "4" },
    racers: { type: "string", default: "64" },
    "skip-races": { type: "boolean", default: false },
  },
});
const KILLS = Number(args.kills);
const LANES = Number(args.lanes);
const RACERS = Number(args.racers);

const STALE_MS = 2_000;
const MINUTE = 60_000;
const START_URL = "https://d-1234567890.awsapps.com/start";
const CONFIG = [
  "[profile dev]",
  "sso_session = my-sso",
  "",
  "[sso-session my-sso]",
  `sso_start_url = ${START_URL}`,
  "sso_region = us-east-1",
  "sso_registration_scopes = sso:account:access",
  "",
].join("\n");

const problems = [];
const digest = (token) => createHash("sha256").update(token).digest("hex");

function check(condition, what) {
  if (!condition) {
    problems.push(what);
    console.log(`  PROBLEM: ${what}`);
  }
}

// --- one session: an emulator, a home, a config -------------------------------------------

async function newSession(emulatorOptions = {}) {
  const hooks = { onAnswered: [] };
  const emulator = await startEmulator({
    ...emulatorOptions,
    onRequest: (event) => {
      if (event.operation === "CreateToken") hooks.onAnswered.forEach((hook) => hook(event));
    },
  });
  const home = await mkdtemp(join(tmpdir(), "sso-token-provider-soak-"));
  await mkdir(join(home, ".aws"), { recursive: true });
  await writeFile(join(home, ".aws", "config"), CONFIG);
  const env = {
    ...process.env,
    HOME: home,
    AWS_CONFIG_FILE: join(home, ".aws", "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
    AWS_ENDPOINT_URL_SSO_OIDC: emulator.url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  delete env.AWS_PROFILE;
  const filepath = getTokenFilepath("my-sso", home);

  /** A fresh login, as `aws sso login` leaves it, expiring `expiresAt`. */
  async function logIn(expiresAt, validForSeconds = 3600) {
    const issued = emulator.issueSession({ accessTokenLifetimeSeconds: validForSeconds });
    await writeTokenFile(
      filepath,
      newTokenRecord({
        startUrl: START_URL,
        region: "us-east-1",
        accessToken: issued.accessToken,
        expiresAt,
        clientId: issued.clientId,
        clientSecret: issued.clientSecret,
        registrationExpiresAt: issued.registrationExpiresAt,
        refreshToken: issued.refreshToken,
      }),
    );
    return issued;
  }

  /** Sets the file's expiry, keeping its tokens (as if time had passed). */
  async function setExpiry(expiresAt) {
    const record = JSON.parse(await readFile(filepath, "utf8"));
    record.expiresAt = expiresAt.toISOString().replace(/\.\d+Z$/, "Z");
    await writeTokenFile(filepath, record);
  }

  return {
    emulator,
    hooks,
    home,
    env,
    filepath,
    logIn,
    setExpiry,
    async close() {
      await emulator.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Waits until a lock folder is gone or was last touched more than the stale bound ago. */
async function waitUntilStaleOrGone(lockPath) {
  for (;;) {
    const stats = await stat(lockPath).catch(() => undefined);
    if (stats === undefined || Date.now() - stats.mtimeMs > STALE_MS + 100) return;
    await sleep(50);
  }
}

function startChild(env, options, plan = {}) {
  const child = spawn(process.execPath, [CHILD, JSON.stringify({ ...options, child: plan })], {
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const result = new Promise((resolve) => {
    child.on("close", (exitCode, signal) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      let printed = { ok: false, calls: [], warnings: [] };
      try {
        if (last !== "") printed = JSON.parse(last);
      } catch {
        printed = { ok: false, calls: [], warnings: [], message: `printed ${last}` };
      }
      resolve({ ...printed, exitCode, signal, stderr, endedAtMs: Date.now() });
    });
  });
  return { pid: child.pid, result, kill: () => child.kill("SIGKILL") };
}

/** Reads the file over and over as another reader would; counts partial reads. */
function watchFile(filepath) {
  const seen = { reads: 0, partial: 0, tokens: [] };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const record = JSON.parse(await readFile(filepath, "utf8"));
        seen.reads++;
        const token = digest(String(record.accessToken));
        if (seen.tokens[seen.tokens.length - 1] !== token) seen.tokens.push(token);
      } catch (error) {
        if (error.code !== "ENOENT") {
          seen.reads++;
          seen.partial++;
        }
      }
      await sleep(1);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return seen;
  };
}

// --- 1. races -----------------------------------------------------------------------------

async function race(name, count, prepare, { lifetimeSeconds = 3600, createTokens } = {}) {
  const started = Date.now();
  const session = await newSession({ accessTokenLifetimeSeconds: lifetimeSeconds });
  try {
    const { startAtMs, runMs, options = {}, stagger } = await prepare(session);
    const stop = watchFile(session.filepath);
    const results = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        if (stagger) {
          const atMs = stagger.firstAtMs + index * stagger.spacingMs;
          await sleep(Math.max(0, atMs - Date.now()));
        }
        const from = startAtMs ?? Date.now();
        const childPlan = {
          startAtMs,
          untilMs: runMs === undefined ? undefined : from + runMs,
          intervalMs: 100,
          verifyUrl: session.emulator.url,
        };
        return await startChild(session.env, { profile: "dev", ...options }, childPlan).result;
      }),
    );
    const seen = await stop();
    const counters = session.emulator.counters;
    const calls = results.flatMap((result) => result.calls ?? []);
    const onDisk = new Set(seen.tokens);
    const record = JSON.parse(await readFile(session.filepath, "utf8"));

    check(
      results.every((result) => result.ok && result.exitCode === 0),
      `${name}: a process failed`,
    );
    check(
      calls.every((call) => call.verifiedAtMs === undefined || call.verifyStatus === 200 ||
        call.verifiedAtMs > Date.parse(call.expiration) - 500),
      `${name}: a token was refused by the emulator`,
    );
    check(counters.invalidGrant === 0, `${name}: ${counters.invalidGrant} invalid_grant`);
    check(
      counters.createTokenSuccesses.refresh_token === counters.requests.CreateToken,
      `${name}: a CreateToken failed`,
    );
    check(seen.tokens.length === counters.requests.CreateToken + 1, `${name}: tokens on disk ` +
      `(${seen.tokens.length}) are not one per CreateToken (${counters.requests.CreateToken}) + 1`);
    check(
      calls.every((call) => onDisk.has(call.digest)),
      `${name}: a process got a token that was never on disk`,
    );
    check(seen.partial === 0, `${name}: ${seen.partial} partial reads`);
    check(
      session.emulator.isRefreshTokenValid(record.refreshToken),
      `${name}: the refresh token on disk is spent`,
    );
    if (createTokens !== undefined) {
      check(counters.requests.CreateToken === createTokens,
        `${name}: ${counters.requests.CreateToken} CreateToken, expected ${createTokens}`);
    }

    const line = {
      race: name,
      processes: count,
      calls: calls.length,
      createToken: counters.requests.CreateToken,
      invalidGrant: counters.invalidGrant,
      failed: results.filter((result) => !result.ok).length,
      readsByAnotherReader: seen.reads,
      partialReads: seen.partial,
      wallMs: Date.now() - started,
    };
    console.log(`  ${JSON.stringify(line)}`);
  } finally {
    await session.close();
  }
}

async function races(count) {
  console.log(`Races of ${count} processes`);
  const importMs = 1_000 + count * 120;
  const together = (expiresInMs) => async (session) => {
    const startAtMs = Date.now() + importMs;
    await session.logIn(new Date(startAtMs + expiresInMs));
    return { startAtMs };
  };
  await race("expired", count, together(-MINUTE), { createTokens: 1 });
  await race("inside the refresh window", count, together(2 * MINUTE), { createTokens: 1 });
  // Tokens that live 20 s and a 12 s window: each is fresh for about 7 s.
  const expiring = { lifetimeSeconds: 20 };
  await race("expiring while they run (20 s tokens, 12 s window, 16 s)", count, async (session) => {
    const startAtMs = Date.now() + importMs;
    await session.logIn(new Date(startAtMs + 13_500), 600);
    return { startAtMs, runMs: 16_000, options: { refreshWindowMs: 12_000 } };
  }, expiring);
  const staggered = "started at staggered times over 8 s (20 s tokens, 12 s window)";
  await race(staggered, count, async (session) => {
    const firstAtMs = Date.now() + 500;
    await session.logIn(new Date(firstAtMs + 13_000), 600);
    return {
      runMs: 3_000,
      options: { refreshWindowMs: 12_000 },
      stagger: { firstAtMs, spacingMs: 8_000 / count },
    };
  }, expiring);
}

// --- 2. kills -----------------------------------------------------------------------------

// Where a kill can land, told by what it left behind:
// - "service untouched": killed before CreateToken reached the service; the next process
//   must take the lock over and refresh once;
// - "new token saved": killed after the rename; the others use the new token;
// - "token spent, not saved": killed after the service rotated the refresh token and before
//   the new one was renamed into place. The dead process had the only copy of the new refresh
//   token; the service keeps no grace period for the old one. Nothing can save that session:
//   the file is left as it was (whole, never half written), the others serve the cached
//   token while it is valid (with a warning) or fail with REFRESH_FAILED and the login
//   command, and a person logs in again. The soak counts these and logs in again.
const MODES = ["random", "random", "CreateToken arrives", "CreateToken answered", "temp file"];

async function killOnce(session, index) {
  const expired = Math.random() < 0.5;
  const waiters = Math.floor(Math.random() * 8);
  const mode = MODES[Math.floor(Math.random() * MODES.length)];
  await session.setExpiry(new Date(Date.now() + (expired ? -MINUTE : 2 * MINUTE)));
  const textBefore = await readFile(session.filepath, "utf8");
  const before = JSON.parse(textBefore);
  session.emulator.resetCounters();
  session.hooks.onAnswered = [];
  if (mode === "CreateToken arrives") {
    session.emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 300 });
  }

  const options = { profile: "dev", lockStaleMs: STALE_MS, lockTimeoutMs: 30_000 };
  const victim = startChild(session.env, options);
  const dir = dirname(session.filepath);
  const lockName = `${basename(session.filepath)}.lock`;
  let killedAtMs;
  const kill = () => {
    killedAtMs ??= Date.now();
    victim.kill();
  };

  // The victim takes the lock first; the waiters then queue behind it.
  const locked = new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name === lockName) {
        watcher.close();
        resolve();
      }
    });
    victim.result.then(() => {
      watcher.close();
      resolve();
    });
  });
  let stopWatching = () => {};
  if (mode === "temp file") {
    const watcher = watch(dir, (_event, name) => name && isTempFileName(name) && kill());
    stopWatching = () => watcher.close();
  }
  if (mode === "CreateToken answered") session.hooks.onAnswered.push(kill);
  await locked;
  if (mode === "random") setTimeout(kill, Math.random() * 700);
  if (mode === "CreateToken arrives") {
    let ended = false;
    victim.result.then(() => (ended = true));
    while (session.emulator.counters.faultsApplied === 0 && !ended) await sleep(2);
    kill();
  }
  const others = Array.from({ length: waiters }, () => startChild(session.env, options));

  const victimResult = await victim.result;
  stopWatching();
  const victimKilled = victimResult.signal === "SIGKILL";
  // A request the emulator was still delaying is handled (its token spent) all the same.
  await sleep(400);
  session.emulator.clearFaults();

  const textAfter = await readFile(session.filepath, "utf8");
  let parses = true;
  try {
    JSON.parse(textAfter);
    await readTokenFile(session.filepath, { retryDelaysMs: [] });
  } catch {
    parses = false;
  }
  const spent = !session.emulator.isRefreshTokenValid(before.refreshToken);
  const landing = !victimKilled
    ? "not killed (finished first)"
    : textAfter !== textBefore
      ? "new token saved"
      : spent
        ? "token spent, not saved"
        : "service untouched";
  const label = `kill ${index} (${mode}, ${expired ? "expired" : "in window"}, ${waiters} waiting)`;
  check(parses, `${label}: the cache file does not parse`);
  const names = await readdir(dir);
  check(
    names.every((name) => name === basename(session.filepath) || name === lockName ||
      name === `${basename(session.filepath)}.refused` || isTempFileName(name)),
    `${label}: unexpected files ${names.join(", ")}`,
  );

  // One more process after the kill. With an expired token it waits for the lock. With a
  // valid one it would be served at once, so it starts once the dead holder's lock has gone
  // stale, and takes it over.
  const waited = await Promise.all(others.map((other) => other.result));
  if (!expired) await waitUntilStaleOrGone(join(dir, lockName));
  const lastResult = await startChild(session.env, options).result;
  const after = [...waited, lastResult];
  const record = JSON.parse(await readFile(session.filepath, "utf8"));
  let lockLeft = await stat(join(dir, lockName)).then(() => true, () => false);
  if (lockLeft && landing === "new token saved") {
    // Killed between the rename and the release: nobody has needed the lock since. The next
    // refresh must take it over as stale.
    const lock = await acquireSessionLock(session.filepath, {
      timeoutMs: 3 * STALE_MS,
      staleMs: STALE_MS,
      purpose: "refresh",
    });
    await lock.release();
    lockLeft = false;
    leftUntilNextRefresh++;
  }
  check(!lockLeft, `${label}: the lock was left behind`);
  const oldToken = digest(before.accessToken);
  const diskToken = digest(record.accessToken);
  const digests = after.flatMap((result) => (result.calls ?? []).map((call) => call.digest));

  if (landing === "token spent, not saved") {
    check(textAfter === textBefore && record.accessToken === before.accessToken,
      `${label}: the file changed`);
    for (const result of after) {
      if (expired) {
        check(!result.ok && result.code === "REFRESH_FAILED" &&
          result.message.includes("aws sso login --sso-session my-sso"),
          `${label}: expected REFRESH_FAILED with the login command, got ${result.code}: ` +
            result.message);
      } else {
        check(result.ok, `${label}: expected the cached token, got ${result.code}`);
      }
    }
    if (!expired) {
      check(digests.every((each) => each === oldToken), `${label}: not the cached token`);
    }
    // A person logs in again.
    await session.logIn(new Date(Date.now() + 60 * MINUTE));
  } else {
    check(after.every((result) => result.ok), `${label}: a process failed: ` +
      after
        .filter((result) => !result.ok)
        .map((result) => `${result.code} ${result.message}`)
        .join("; "));
    check(digests.every((each) => each === diskToken || (!expired && each === oldToken)),
      `${label}: a process got a token that is neither the cached one nor the one on disk`);
    check(lastResult.digest === diskToken, `${label}: the last process ended on another token`);
    check(
      session.emulator.isRefreshTokenValid(record.refreshToken),
      `${label}: the refresh token on disk is spent`,
    );
    // More than one process may take a stale lock over at once (proper-lockfile checks and
    // replaces the folder in two steps); one of them then gets invalid_grant, reads the file
    // again and serves what the other wrote. Counted, and fine as long as the checks above hold.
    if (session.emulator.counters.invalidGrant > 0) twoHolders++;
  }
  const takeOverMs = expired && landing === "service untouched"
    ? Math.min(...after.map((result) => result.endedAtMs)) - killedAtMs
    : undefined;
  return { landing, mode, takeOverMs, stderr: after.map((result) => result.stderr).join("") };
}

async function kills(total, lanes) {
  console.log(`${total} kills in ${lanes} lanes (lockStaleMs ${STALE_MS})`);
  const landings = {};
  const takeOvers = [];
  let done = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const session = await newSession({ latencyMs: 20 });
      await session.logIn(new Date(Date.now() + 60 * MINUTE));
      try {
        while (done < total) {
          const index = ++done;
          const outcome = await killOnce(session, index);
          landings[outcome.landing] = (landings[outcome.landing] ?? 0) + 1;
          if (outcome.takeOverMs !== undefined) takeOvers.push(outcome.takeOverMs);
          if (outcome.stderr) check(false, `kill ${index}: stderr ${outcome.stderr}`);
          if (index % 10 === 0) console.log(`  ${index} kills, lane ${lane}`);
        }
      } finally {
        await session.close();
      }
    }),
  );
  takeOvers.sort((a, b) => a - b);
  const summary = {
    kills: total,
    landings,
    // Killed after the rename but before the release: the lock folder stays until the next
    // refresh takes it over as stale (checked).
    lockLeftForNextRefresh: leftUntilNextRefresh,
    // Two processes took the dead holder's lock over at once; the session was kept (checked).
    twoHoldersAfterTakeOver: twoHolders,
    // Expired token, killed before CreateToken reached the service: from the kill until the
    // first waiting process had its new token (lockStaleMs is 2000).
    tokenAfterKillMs: {
      median: takeOvers[Math.floor(takeOvers.length / 2)],
      max: takeOvers[takeOvers.length - 1],
    },
  };
  console.log(`  ${JSON.stringify(summary)}`);
}

// -------------------------------------------------------------------------------------------

const started = Date.now();
if (!args["skip-races"]) await races(RACERS);
await kills(KILLS, LANES);
const seconds = Math.round((Date.now() - started) / 1000);
if (problems.length > 0) {
  console.log(`\nFAILED: ${problems.length} problem(s) in ${seconds} s`);
  process.exitCode = 1;
} else {
  console.log(`\nOK: nothing lost, nothing half-written, no lock left behind (${seconds} s)`);
}
