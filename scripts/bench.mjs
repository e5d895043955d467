// npm run bench: this package's provider side by side with the AWS SDK's own `fromSso`
// (@aws-sdk/token-providers), in one run, against the local SSO OIDC emulator. Prints a table
// and the same figures as JSON. Nothing here is a test: figures depend on the machine.
//
// 1. The race: N processes started together on an expired token (N = 2, 8, 32).
// 2. The hot path: calls per second with a fresh token, unmemoized and memoized as SDK clients
//    memoize identity providers; and how soon a logout or a new login by another process is
//    seen by a provider that keeps being called.
// 3. The first call in a new process: import plus first token, time and heap.
// 4. The refresh path: one process; a whole refresh, ours and the official, over the bare
//    CreateToken, and what the lock and the atomic write add over an in-place write.
//
// Usage: node scripts/bench.mjs [--quick] [--only race,hotPath,freshness,firstCall,refresh]
// (npm run bench builds dist/ first; --quick runs fewer rounds).
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { fromSso } from "@aws-sdk/token-providers";
import {
  doesIdentityRequireRefresh,
  isIdentityExpired,
  memoizeIdentityProvider,
} from "@smithy/core";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const dist = new URL("../dist/esm/", import.meta.url);
const { fromSsoSession } = await import(new URL("index.js", dist));
const { startEmulator } = await import(new URL("emulator/index.js", dist));
const { getTokenFilepath, newTokenRecord, writeTokenFile } = await import(
  new URL("cache/index.js", dist)
);
const { acquireSessionLock } = await import(new URL("lock/index.js", dist));
const CHILD = fileURLToPath(new URL("./benchChild.mjs", import.meta.url));

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const QUICK = args.quick;
const SECTIONS = ["race", "hotPath", "freshness", "firstCall", "refresh"];
const wanted = (section) => args.only === undefined || args.only.split(",").includes(section);

const START_URL = "https://d-1234567890.awsapps.com/start";
const MINUTE = 60_000;
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

const emulator = await startEmulator();
const home = await mkdtemp(join(tmpdir(), "sso-token-provider-bench-"));
await mkdir(join(home, ".aws"), { recursive: true });
await writeFile(join(home, ".aws", "config"), CONFIG);
const filepath = getTokenFilepath("my-sso", home);
const env = {
  ...process.env,
  HOME: home,
  AWS_CONFIG_FILE: join(home, ".aws", "config"),
  AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
};
delete env.AWS_PROFILE;
// The in-process parts read the same home.
Object.assign(process.env, {
  HOME: env.HOME,
  AWS_CONFIG_FILE: env.AWS_CONFIG_FILE,
  AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE,
});
delete process.env.AWS_PROFILE;

/**
 * A fresh login in the emulator, cached as the AWS CLI caches it, expiring in `inMs`: by
 * default the file of the session every section uses, "my-sso".
 */
async function logIn(inMs, session = "my-sso") {
  const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
  await writeTokenFile(
    getTokenFilepath(session, home),
    newTokenRecord({
      startUrl: START_URL,
      region: "us-east-1",
      accessToken: issued.accessToken,
      expiresAt: new Date(Date.now() + inMs),
      clientId: issued.clientId,
      clientSecret: issued.clientSecret,
      registrationExpiresAt: issued.registrationExpiresAt,
      refreshToken: issued.refreshToken,
    }),
  );
  return issued;
}

function runChild(which, options, nodeArgs = []) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, CHILD, which, JSON.stringify(options)], {
      env,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const wallMs = performance.now() - started;
      try {
        resolve({ ...JSON.parse(stdout.trim().split("\n").pop()), wallMs, stderr });
      } catch {
        reject(new Error(`bench child printed nothing; stderr: ${stderr}`));
      }
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

// --- 1. the race ---------------------------------------------------------------------------

async function race(which, count) {
  await logIn(-MINUTE);
  emulator.resetCounters();
  const startAtMs = Date.now() + 800 + count * 120;
  const results = await Promise.all(
    Array.from({ length: count }, () => runChild(which, { endpoint: emulator.url, startAtMs })),
  );
  // From the agreed start to the last process's exit.
  const wallMs = Date.now() - startAtMs;
  const counters = emulator.counters;
  return {
    provider: which,
    processes: count,
    createToken: counters.requests.CreateToken,
    invalidGrant: counters.invalidGrant,
    failedProcesses: results.filter((result) => !result.ok).length,
    distinctTokens: new Set(results.filter((r) => r.ok).map((r) => r.digest)).size,
    wallMsFromStart: wallMs,
  };
}

// --- 2. the hot path -----------------------------------------------------------------------

async function callsPerSecond(provider, durationMs) {
  // Warm up: the first call reads the config and the file.
  for (let i = 0; i < 50; i++) await provider();
  let calls = 0;
  const end = performance.now() + durationMs;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) await provider();
    calls += 100;
  }
  return calls / (durationMs / 1000);
}

async function hotPath() {
  await logIn(60 * MINUTE);
  const endpoint = emulator.url;
  const durationMs = QUICK ? 600 : 3_000;
  const ours = fromSsoSession({ profile: "dev", clientConfig: { endpoint } });
  const official = fromSso({ profile: "dev", clientConfig: { endpoint } });
  const memo = (provider) =>
    memoizeIdentityProvider(provider, isIdentityExpired, doesIdentityRequireRefresh);

  const rows = [];
  for (const [mode, wrap] of [
    ["unmemoized", (p) => p],
    ["memoized", memo],
  ]) {
    // Alternating rounds, so that neither gains from running second (warm JIT, quieter CPU).
    const oursRates = [];
    const officialRates = [];
    const oursWrapped = wrap(ours);
    const officialWrapped = wrap(official);
    for (let round = 0; round < 3; round++) {
      oursRates.push(await callsPerSecond(oursWrapped, durationMs / 3));
      officialRates.push(await callsPerSecond(officialWrapped, durationMs / 3));
    }
    const oursRate = median(oursRates);
    const officialRate = median(officialRates);
    rows.push({
      mode,
      oursCallsPerSecond: Math.round(oursRate),
      officialCallsPerSecond: Math.round(officialRate),
      ratio: round(oursRate / officialRate),
    });
  }
  return rows;
}

/**
 * How long after another process logs out (removes the file) or logs in again (replaces it)
 * a provider that is called in a tight loop notices. Another process does the change.
 */
async function staleness() {
  const out = {};
  for (const [name, provider] of [
    ["ours", fromSsoSession({ profile: "dev" })],
    ["official", fromSso({ profile: "dev" })],
  ]) {
    const first = await logIn(60 * MINUTE);
    await provider();

    const login = emulator.issueSession();
    const record = JSON.parse(await readFile(filepath, "utf8"));
    record.accessToken = login.accessToken;
    const changedAt = await inAnotherProcess(
      `await (await import("node:fs/promises")).writeFile(${JSON.stringify(filepath)}, ` +
        `${JSON.stringify(JSON.stringify(record))});`,
    );
    let seenAt;
    while (seenAt === undefined) {
      const identity = await provider();
      if (identity.token === login.accessToken) seenAt = Date.now();
      else if (identity.token !== first.accessToken) throw new Error("unexpected token");
      await sleep(1);
    }
    const loginSeenMs = seenAt - changedAt;

    const removedAt = await inAnotherProcess(
      `await (await import("node:fs/promises")).unlink(${JSON.stringify(filepath)});`,
    );
    let logoutSeenMs;
    while (logoutSeenMs === undefined) {
      try {
        await provider();
      } catch {
        logoutSeenMs = Date.now() - removedAt;
      }
      await sleep(1);
    }
    out[name] = { newLoginSeenAfterMs: loginSeenMs, logoutSeenAfterMs: logoutSeenMs };
  }
  return out;
}

/** Runs `code` in a new Node process and returns when (epoch ms) it finished. */
function inAnotherProcess(code) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("close", (status) => {
      if (status === 0) resolve(Date.now());
      else reject(new Error(`the other process exited with ${status}`));
    });
  });
}

// --- 3. the first call in a new process ----------------------------------------------------

async function firstCall() {
  await logIn(60 * MINUTE);
  const runs = QUICK ? 5 : 15;
  const kinds = ["node", "ours", "ours-cjs", "official"];
  const samples = Object.fromEntries(kinds.map((which) => [which, []]));
  for (let i = 0; i < runs; i++) {
    for (const which of kinds) {
      const result = await runChild(which, { endpoint: emulator.url, heap: true }, ["--expose-gc"]);
      if (!result.ok) throw new Error(`${which}: ${result.error}`);
      samples[which].push(result);
    }
  }
  const summary = (which) => ({
    importMs: round(median(samples[which].map((s) => s.importMs))),
    firstCallMs: round(median(samples[which].map((s) => s.firstCallMs))),
    // What the package decides: Node's own start-up varies more than it, run to run.
    importPlusFirstCallMs: round(median(samples[which].map((s) => s.importMs + s.firstCallMs))),
    processStartToTokenMs: round(median(samples[which].map((s) => s.sinceProcessStartMs))),
    processWallMs: round(median(samples[which].map((s) => s.wallMs))),
    heapUsedMiB: round(median(samples[which].map((s) => s.heapUsedBytes)) / 2 ** 20, 2),
    rssMiB: round(median(samples[which].map((s) => s.rssBytes)) / 2 ** 20, 1),
  });
  return { runs, ...Object.fromEntries(kinds.map((which) => [which, summary(which)])) };
}

// --- 4. the refresh path -------------------------------------------------------------------

/**
 * One process, tokens inside both providers' 5-minute refresh window. Each round uses its own
 * sso-session (the official provider refreshes a session at most once per 30 s), config file
 * and token file, written before the clock starts; the timed call then reads the config and the file,
 * refreshes and writes. Ours also takes and releases the lock, reads again under it and
 * writes atomically (a temporary file, fsync, rename, fsync of the folder); the official
 * provider writes the file in place. The parts are timed on their own too.
 */
async function refreshPath() {
  const rounds = QUICK ? 10 : 40;
  const warmUp = 3;
  const endpoint = emulator.url;
  const sessions = Array.from({ length: 2 * (rounds + warmUp) }, (_, i) => `refresh-${i}`);
  // A small config of its own per session, as a user has: the official provider parses a
  // config file once per process, ours on every call (to see edits), so one shared config of
  // all these sessions would weigh on ours alone.
  const configOf = (session) => join(home, ".aws", `config-${session}`);
  for (const session of sessions) await writeFile(configOf(session), sessionSection(session));
  emulator.resetCounters();

  // The bare CreateToken, made as both refreshes make it: a new client for each refresh.
  const issued = emulator.issueSession();
  let refreshToken = issued.refreshToken;
  const bare = [];
  for (let i = 0; i < rounds + warmUp; i++) {
    const start = performance.now();
    const client = new SSOOIDCClient({ region: "us-east-1", endpoint });
    const answer = await client.send(
      new CreateTokenCommand({
        grantType: "refresh_token",
        clientId: issued.clientId,
        clientSecret: issued.clientSecret,
        refreshToken,
      }),
    );
    client.destroy();
    refreshToken = answer.refreshToken;
    if (i >= warmUp) bare.push(performance.now() - start);
  }

  const calls = {
    ours: (session) =>
      fromSsoSession({
        profile: `${session}-profile`,
        configFilepath: configOf(session),
        clientConfig: { endpoint },
      })(),
    official: (session) =>
      fromSso({
        profile: `${session}-profile`,
        configFilepath: configOf(session),
        clientConfig: { endpoint },
      })(),
  };
  const full = { ours: [], official: [] };
  let next = 0;
  for (let i = 0; i < rounds + warmUp; i++) {
    for (const which of ["ours", "official"]) {
      const session = sessions[next++];
      const seeded = await logIn(2 * MINUTE, session);
      const start = performance.now();
      const identity = await calls[which](session);
      const elapsed = performance.now() - start;
      if (identity.token === seeded.accessToken) throw new Error(`${which} did not refresh`);
      if (i >= warmUp) full[which].push(elapsed);
    }
  }

  // The parts on their own, and the in-place write the official provider does instead.
  const lockTimes = [];
  const writeTimes = [];
  const plainWriteTimes = [];
  await logIn(60 * MINUTE);
  const record = JSON.parse(await readFile(filepath, "utf8"));
  const text = JSON.stringify(record, null, 2);
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    const lock = await acquireSessionLock(filepath, {
      timeoutMs: 1_000,
      staleMs: 10_000,
      purpose: "refresh",
    });
    await lock.release();
    lockTimes.push(performance.now() - start);
    start = performance.now();
    await writeTokenFile(filepath, record);
    writeTimes.push(performance.now() - start);
    start = performance.now();
    await writeFile(`${filepath}.plain`, text);
    plainWriteTimes.push(performance.now() - start);
  }
  await unlink(`${filepath}.plain`);

  const lockMs = median(lockTimes);
  const atomicMs = median(writeTimes);
  const plainMs = median(plainWriteTimes);
  return {
    rounds,
    bareCreateTokenMs: round(median(bare), 2),
    oursRefreshMs: round(median(full.ours), 2),
    officialRefreshMs: round(median(full.official), 2),
    lockAndReleaseMs: round(lockMs, 2),
    atomicWriteMs: round(atomicMs, 2),
    inPlaceWriteMs: round(plainMs, 2),
    lockAndAtomicWriteAddMs: round(lockMs + atomicMs - plainMs, 2),
    invalidGrant: emulator.counters.invalidGrant,
  };
}

function sessionSection(session) {
  return [
    `[profile ${session}-profile]`,
    `sso_session = ${session}`,
    `[sso-session ${session}]`,
    `sso_start_url = ${START_URL}`,
    "sso_region = us-east-1",
    "sso_registration_scopes = sso:account:access",
    "",
  ].join("\n");
}

// --- run and print -------------------------------------------------------------------------

const results = { node: process.version, platform: `${process.platform} ${process.arch}` };
try {
  if (wanted("race")) {
    results.race = [];
    for (const count of [2, 8, 32]) {
      for (const which of ["ours", "official"]) results.race.push(await race(which, count));
    }
  }
  if (wanted("hotPath")) results.hotPath = await hotPath();
  if (wanted("freshness")) results.freshness = await staleness();
  if (wanted("firstCall")) results.firstCall = await firstCall();
  if (wanted("refresh")) results.refresh = await refreshPath();
} finally {
  await emulator.stop();
  await rm(home, { recursive: true, force: true });
}

const titles = {
  race: "The race: N processes start together on an expired token",
  hotPath: "Hot path: calls per second with a fresh token",
  freshness: "How soon a provider called in a loop sees another process's login / logout (ms)",
  firstCall: "First token in a new process: import (ESM or CommonJS) and first call (medians)",
  refresh: "Refresh path in one process (median ms)",
};
for (const section of SECTIONS.filter((name) => results[name] !== undefined)) {
  console.log(`\n${titles[section]}`);
  const value = results[section];
  if (section === "firstCall") {
    const { runs: _runs, ...byKind } = value;
    console.table(byKind);
  } else {
    console.table(Array.isArray(value) || section === "freshness" ? value : [value]);
  }
}
console.log(JSON.stringify(results, null, 2));
