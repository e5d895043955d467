// A writer that takes no lock of ours (the AWS CLI, another SDK) refreshes the same session
// while our provider is refreshing it: it spends the refresh token first, so our CreateToken
// gets `invalid_grant`, and it writes the file a little later. Our provider must read the file
// again and use that writer's token instead of failing, and must never write over it.
import { readFile, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { formatTimestamp } from "../../src/cache/index.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { fromSsoSession } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  SSO_REGION,
  useSandboxEnv,
  type Sandbox,
  type SeededToken,
} from "../helpers/sandbox.js";

const MINUTE = 60_000;

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
  useSandboxEnv(sandbox);
  emulator.resetCounters();
});
afterEach(async () => {
  await sandbox.cleanup();
});

/**
 * The other writer: refreshes with the official SSO OIDC client as soon as our CreateToken is
 * at the emulator (held there by a delay), then writes the file in place, as the AWS CLI
 * does, `writeAfterMs` after the emulator has refused ours.
 */
async function refreshLikeTheCli(seeded: SeededToken, writeAfterMs: number) {
  await waitFor(() => emulator.counters.faultsApplied === 1);
  const client = new SSOOIDCClient({ region: SSO_REGION, endpoint: emulator.url });
  const answer = await client.send(
    new CreateTokenCommand({
      grantType: "refresh_token",
      clientId: seeded.clientId,
      clientSecret: seeded.clientSecret,
      refreshToken: seeded.refreshToken,
    }),
  );
  client.destroy();

  await waitFor(() => emulator.counters.invalidGrant === 1);
  await sleep(writeAfterMs);
  const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
  record.accessToken = answer.accessToken;
  record.refreshToken = answer.refreshToken;
  record.expiresAt = formatTimestamp(new Date(Date.now() + answer.expiresIn! * 1000));
  await writeFile(seeded.filepath, JSON.stringify(record));
  return { accessToken: answer.accessToken!, refreshToken: answer.refreshToken! };
}

describe("a writer that does not take our lock refreshes while we do", () => {
  it("with the token expired: waits for its write and uses its token", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: -MINUTE });
    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 500 });

    const ours = fromSsoSession({
      profile: "dev",
      logger,
      clientConfig: { endpoint: emulator.url },
    })();
    const theirs = await refreshLikeTheCli(seeded, 400);
    const identity = await ours;

    expect(identity.token).toBe(theirs.accessToken);
    expect(emulator.counters.requests.CreateToken).toBe(2);
    expect(emulator.counters.invalidGrant).toBe(1);
    const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
    expect(record.refreshToken).toBe(theirs.refreshToken);
    expect(emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
    expect(logger.warnings()).toEqual([]);
  });

  it("with the token still valid: serves it, leaves their file, then uses theirs", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 2 * MINUTE });
    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 500 });
    const provider = fromSsoSession({
      profile: "dev",
      logger,
      clientConfig: { endpoint: emulator.url },
    });

    const first = provider();
    const theirs = await refreshLikeTheCli(seeded, 200);
    const identity = await first;

    // Refused, with a valid token in hand: no reason to wait; it says so and serves it.
    expect(identity.token).toBe(seeded.accessToken);
    expect(logger.warnings()).toHaveLength(1);
    expect(logger.warnings()[0]).toContain("invalid_grant");
    // The file checked once a second on the hot path: a second later their token is seen.
    await sleep(1_100);
    expect((await provider()).token).toBe(theirs.accessToken);
    const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
    expect(record.refreshToken).toBe(theirs.refreshToken);
    expect(emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
    expect(emulator.counters.requests.CreateToken).toBe(2);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await sleep(5);
  }
}
