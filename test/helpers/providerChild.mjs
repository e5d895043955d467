// A separate process that asks the built package for a token and prints what it got: a digest
// of the token (never the token itself), its expiration, or the error, as one JSON line.
//
// argv[2] is JSON: the options of fromSsoSession, plus an optional `child` object that turns
// one call into a timed run (the `child` key is not passed to the provider):
// - `startAtMs`: epoch ms to wait for after importing, so racing processes start together;
// - `untilMs`: keep calling until this epoch ms (at least one call); `intervalMs` between calls
//   (default 50);
// - `verifyUrl`: after the first call and each call that got a different token, send the token
//   to the emulator's bearer-authenticated `GET /session` (CodeCatalyst VerifySession) and
//   record the HTTP status;
// - `clockOffsetMs`: the provider's clock is `Date.now() + clockOffsetMs`;
// - `startWhenExists`: a path; the child creates `<path>.ready` once imported, then waits for
//   the path to exist before its first call (a start signal from the test).
// With `child`, warnings are captured (not printed) and every call is listed in `calls`.
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const { fromSsoSession } = await import(new URL("../../dist/esm/index.js", import.meta.url));

const { child, ...options } = JSON.parse(process.argv[2] ?? "{}");

if (child === undefined) {
  try {
    const identity = await fromSsoSession(options)();
    const digest = createHash("sha256").update(identity.token).digest("hex");
    const expiration = identity.expiration.toISOString();
    console.log(JSON.stringify({ ok: true, digest, expiration }));
  } catch (error) {
    console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
    process.exitCode = 1;
  }
} else {
  await runTimed(child);
}

async function runTimed(plan) {
  const warnings = [];
  const keep = (...parts) => warnings.push(parts.map(String).join(" "));
  const logger = { debug() {}, info() {}, warn: keep, error: keep };
  const offset = plan.clockOffsetMs ?? 0;
  const provider = fromSsoSession({
    ...options,
    logger,
    ...(offset === 0 ? {} : { now: () => Date.now() + offset }),
  });

  if (plan.startAtMs !== undefined) await sleep(Math.max(0, plan.startAtMs - Date.now()));
  if (plan.startWhenExists !== undefined) {
    writeFileSync(`${plan.startWhenExists}.ready`, "");
    while (!existsSync(plan.startWhenExists)) await sleep(5);
  }
  const calls = [];
  do {
    const previous = calls[calls.length - 1];
    calls.push(await callOnce(provider, plan.verifyUrl, previous?.digest));
    if (plan.untilMs !== undefined && Date.now() < plan.untilMs) {
      await sleep(plan.intervalMs ?? 50);
    }
  } while (plan.untilMs !== undefined && Date.now() < plan.untilMs);

  const last = calls[calls.length - 1];
  const ok = calls.every((call) => call.ok);
  console.log(JSON.stringify({ ...last, ok, calls, warnings, pid: process.pid }));
  if (!ok) process.exitCode = 1;
}

async function callOnce(provider, verifyUrl, previousDigest) {
  const atMs = Date.now();
  let identity;
  try {
    identity = await provider();
  } catch (error) {
    return { ok: false, atMs, code: error.code, message: error.message };
  }

  const call = {
    ok: true,
    atMs,
    servedAtMs: Date.now(),
    digest: createHash("sha256").update(identity.token).digest("hex"),
    expiration: identity.expiration.toISOString(),
  };
  if (verifyUrl !== undefined && call.digest !== previousDigest) {
    const response = await fetch(`${verifyUrl}/session`, {
      headers: { authorization: `Bearer ${identity.token}` },
    });
    await response.arrayBuffer();
    call.verifyStatus = response.status;
    call.verifiedAtMs = Date.now();
  }
  return call;
}
