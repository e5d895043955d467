// proper-lockfile takes a lock over once its folder looks stale, so a holder that stalls (or
// whose lock folder someone removes) can find a second process holding the "same" lock. Here
// the lock folder is removed while the first holder's CreateToken is on its way, so two
// processes refresh at once with the same single-use refresh token. The service accepts one;
// the other gets `invalid_grant`. Whichever wins, the session must survive: the winner's token
// reaches the file (even if the winner's lock was taken over meanwhile), and the loser reads
// the file again and uses it.
import { existsSync } from "node:fs";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, describe, it } from "vitest";

import { startEmulator } from "../../src/emulator/index.js";
import { createSandbox, seedToken, sessionConfig } from "../helpers/sandbox.js";
import { digestOf, startProviderChild } from "./raceHarness.js";

const MINUTE = 60_000;
const STALE_MS = 2_000;
const SLOW_TEST_MS = 60_000;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

type Winner = "the first holder" | "the second holder";
type TokenState = "expired" | "inside the refresh window";

describe.concurrent("two processes inside one lock", () => {
  const cases: [Winner, TokenState][] = [
    ["the first holder", "expired"],
    ["the first holder", "inside the refresh window"],
    ["the second holder", "expired"],
    ["the second holder", "inside the refresh window"],
  ];

  const title = "%s's CreateToken wins, token %s";
  it.for(cases)(title, { timeout: SLOW_TEST_MS }, async ([winner, tokenState], { expect }) => {
    const emulator = await startEmulator();
    const sandbox = await createSandbox(sessionConfig(), emulator);
    cleanups.push(() => emulator.stop(), () => sandbox.cleanup());
    const seeded = await seedToken(emulator, sandbox, {
      expiresInMs: tokenState === "expired" ? -MINUTE : 2 * MINUTE,
    });

    // The second process is started first and waits, imported, for a signal, so that it
    // can enter the moment the lock folder is gone. The first holder's CreateToken is held by
    // the emulator long enough for proper-lockfile's next check of its lock (every
    // STALE_MS / 2) to find the lock taken over; the second one's is held longer still, or
    // not at all, which decides who spends the refresh token first.
    const go = join(sandbox.home, "go");
    const options = { profile: "dev", lockStaleMs: STALE_MS };
    const second = startProviderChild(sandbox.env, options, {
      startWhenExists: go,
      verifyUrl: emulator.url,
    });
    await waitFor(() => existsSync(`${go}.ready`));

    const firstDelayMs = winner === "the first holder" ? 2_500 : 3_500;
    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: firstDelayMs });
    if (winner === "the first holder") {
      emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 3_500 });
    }
    const first = startProviderChild(sandbox.env, options, { verifyUrl: emulator.url });
    await waitFor(() => emulator.counters.faultsApplied === 1);
    await rm(`${seeded.filepath}.lock`, { recursive: true });
    await writeFile(go, "");
    const results = await Promise.all([first.result, second.result]);

    const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
    const counters = emulator.counters;
    expect(counters.requests.CreateToken).toBe(2);
    expect(counters.createTokenSuccesses.refresh_token).toBe(1);
    expect(counters.invalidGrant).toBe(1);
    // The winner's refresh token is on disk and still works: the session is alive.
    expect(record.accessToken).not.toBe(seeded.accessToken);
    expect(emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
    // Both processes got the winner's token, which the service accepts.
    for (const result of results) {
      expect(result.ok).toBe(true);
      expect(result.calls[0]).toMatchObject({ digest: digestOf(record.accessToken) });
      expect(result.calls[0]!.verifyStatus).toBe(200);
      expect(result.stderr).toBe("");
    }
    await expect(stat(`${seeded.filepath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
