// AWS CLI processes (which take no lock and write in place) and ours on one token. The CLI
// talks through a gateway that can keep an answered CreateToken from it, so the moment "the
// CLI has spent the refresh token but not written the file yet" can be held open on purpose.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, vi } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { prepareAwsCli, requireAwsCli, type AwsCli, type AwsCliResult } from "../helpers/awsCli.js";
import { runProviderChild, runProviderChildren, type ChildResult } from "../helpers/runChildren.js";
import { createSandbox, seedToken, type Sandbox, type SeededToken } from "../helpers/sandbox.js";
import { startCliGateway, type CliGateway, type ResponseHold } from "./cliGateway.js";
import {
  CLI_KEY_ORDER,
  CONFIG,
  digestOf,
  LIST_SPACES,
  PROFILE,
  readCacheFile,
  SESSION,
  waitUntil,
} from "./support.js";

// Real AWS CLI processes and ours share two cores with the rest of the suite: allow time.
vi.setConfig({ testTimeout: 240_000 });

const itWithCli = requireAwsCli();

const MINUTE = 60_000;
const REFRESH_TOKEN = "refresh_token";
/** What a CLI that lost the race on an expired token says (its own behaviour, no lock). */
const CLI_LOST_RACE = /Token has expired and refresh failed/;

let emulator: Emulator;
let gateway: CliGateway;
let sandbox: Sandbox;
let cli: AwsCli;

beforeAll(async () => {
  // Every token issued over HTTP lives an hour: after one refresh nobody refreshes again.
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  sandbox = await createSandbox(CONFIG, emulator);
  emulator.resetCounters();
});
afterEach(async () => {
  await gateway?.stop();
  await sandbox?.cleanup();
});

async function useGateway(cliCreateTokenDelayMs = 0): Promise<void> {
  gateway = await startCliGateway(emulator.url, { cliCreateTokenDelayMs });
  cli = await prepareAwsCli({
    home: sandbox.home,
    configPath: sandbox.configPath,
    endpointUrl: gateway.url,
  });
}

function seed(expiresInMs: number): Promise<SeededToken> {
  return seedToken(emulator, sandbox, { key: SESSION, expiresInMs });
}

/** Refreshes sent by our processes: all the emulator saw, less the CLI's (seen by the gateway). */
function oursRefreshRequests(): number {
  const counters = emulator.counters;
  const all =
    counters.createTokenSuccesses[REFRESH_TOKEN] + counters.createTokenFailures[REFRESH_TOKEN];
  const byCli = gateway.createTokens.filter(
    (each) => each.from === "cli" && each.grantType === REFRESH_TOKEN,
  );
  return all - byCli.length;
}

/** Waits for the CLI's refresh to be held; fails at once, with its output, if it exits first. */
async function heldOrExited(hold: ResponseHold, cliRun: Promise<AwsCliResult>): Promise<void> {
  const exited = cliRun.then((result) => {
    throw new Error(`the CLI exited (${result.code}) before its refresh: ${result.stderr}`);
  });
  await Promise.race([hold.waitForHeld(1), exited]);
}

function expectListed(result: AwsCliResult): void {
  expect(result.stderr).toBe("");
  expect(JSON.parse(result.stdout).items[0].name).toBe("emulated-space");
}

function expectNoSecrets(results: ChildResult[], seeded: SeededToken): void {
  for (const result of results) {
    for (const secret of [seeded.accessToken, seeded.refreshToken, seeded.clientSecret]) {
      expect(result.stderr).not.toContain(secret);
    }
  }
}

describe("a mixed race of AWS CLI processes and ours on one token", () => {
  itWithCli(
    "while the old token is valid, ours serve it and do not wait for a CLI that is refreshing",
    async () => {
      await useGateway();
      const seeded = await seed(4 * MINUTE); // inside both tools' refresh windows
      const hold = gateway.holdCreateTokens(REFRESH_TOKEN);

      const cliRun = cli.run(LIST_SPACES);
      await heldOrExited(hold, cliRun);
      // The CLI has spent the refresh token; its answer is held, so the file is unchanged.
      expect(emulator.isRefreshTokenValid(seeded.refreshToken)).toBe(false);
      const ours = await runProviderChildren(4, sandbox.env, { profile: PROFILE });
      hold.release();
      const listed = await cliRun;

      expect(ours.map((result) => result.ok)).toEqual([true, true, true, true]);
      for (const result of ours) expect(result.digest).toBe(digestOf(seeded.accessToken));
      expect(emulator.counters.invalidGrant).toBeGreaterThanOrEqual(1);
      expect(emulator.counters.createTokenSuccesses[REFRESH_TOKEN]).toBe(1);
      expectNoSecrets(ours, seeded);

      // The CLI finished its refresh; the session lives on in what it wrote.
      expectListed(listed);
      const byCli = await readCacheFile(seeded.filepath);
      expect(Object.keys(byCli.record)).toEqual(CLI_KEY_ORDER);
      expect(emulator.isRefreshTokenValid(byCli.record.refreshToken)).toBe(true);
      const after = await runProviderChild(sandbox.env, { profile: PROFILE });
      expect(after).toMatchObject({ ok: true, digest: digestOf(byCli.record.accessToken) });
    },
  );

  itWithCli(
    "once it has expired and a CLI won the refresh, ours wait for its file and use it",
    async () => {
      await useGateway();
      const seeded = await seed(-MINUTE);
      const hold = gateway.holdCreateTokens(REFRESH_TOKEN);

      const cliRun = cli.run(LIST_SPACES);
      await heldOrExited(hold, cliRun);
      const oursRun = runProviderChildren(4, sandbox.env, {
        profile: PROFILE,
        lockTimeoutMs: 60_000, // the lock holder waits for the CLI; on a busy machine, a while
      });
      // One of ours (the lock holder) was refused the spent refresh token; the rest queue
      // behind the lock. Only now may the CLI hear back and write.
      await waitUntil("our invalid_grant", () => emulator.counters.invalidGrant >= 1);
      hold.release();
      const [listed, ours] = await Promise.all([cliRun, oursRun]);

      expectListed(listed);
      const byCli = await readCacheFile(seeded.filepath);
      expect(Object.keys(byCli.record)).toEqual(CLI_KEY_ORDER);
      expect(ours.map((result) => result.ok)).toEqual([true, true, true, true]);
      for (const result of ours) expect(result.digest).toBe(digestOf(byCli.record.accessToken));
      expect(emulator.counters.createTokenSuccesses[REFRESH_TOKEN]).toBe(1);
      expect(emulator.counters.invalidGrant).toBe(1);
      expect(oursRefreshRequests()).toBe(1);
      expectNoSecrets(ours, seeded);

      // The session survives: what the CLI wrote refreshes for us.
      expect(emulator.isRefreshTokenValid(byCli.record.refreshToken)).toBe(true);
      const forced = await runProviderChild(sandbox.env, {
        profile: PROFILE,
        refreshWindowMs: 2 * 60 * MINUTE,
      });
      const byUs = await readCacheFile(seeded.filepath);
      expect(forced).toMatchObject({ ok: true, digest: digestOf(byUs.record.accessToken) });
      expect(emulator.isRefreshTokenValid(byUs.record.refreshToken)).toBe(true);
    },
  );

  for (const [first, who] of [
    ["cli", "a CLI"],
    ["other", "one of ours"],
  ] as const) {
    itWithCli(
      `3 CLIs and 4 of ours in flight at once on an expired token, ${who} first: ` +
        "one refresh, ours all succeed",
      async () => {
        // The gate keeps every CreateToken until the 3 CLIs' and our lock holder's are all
        // waiting, then lets `first` win; the CLI hears back 150 ms late, so a winning CLI
        // has spent the refresh token well before its file shows it.
        await useGateway(150);
        const seeded = await seed(-MINUTE);
        gateway.startingGate(4, first);
        const viaGateway = { ...sandbox.env, AWS_ENDPOINT_URL_SSO_OIDC: gateway.url };

        const [clis, ours] = await Promise.all([
          Promise.all([1, 2, 3].map(() => cli.run(LIST_SPACES))),
          // Patient enough for 3 CLIs to start on a busy machine while one of ours waits.
          runProviderChildren(4, viaGateway, {
            profile: PROFILE,
            lockTimeoutMs: 60_000,
            lockStaleMs: 60_000,
          }),
        ]);

        const passed = gateway.createTokens;
        expect(passed.map((each) => each.from).sort()).toEqual(["cli", "cli", "cli", "other"]);
        expect(passed[0]).toMatchObject({ from: first, grantType: REFRESH_TOKEN, status: 200 });
        expect(passed.slice(1).map((each) => each.status)).toEqual([400, 400, 400]);
        expect(emulator.counters.invalidGrant).toBe(3);

        const onDisk = await readCacheFile(seeded.filepath);
        expect(Object.keys(onDisk.record)).toEqual(CLI_KEY_ORDER);
        expect(ours.map((result) => result.ok)).toEqual([true, true, true, true]);
        for (const result of ours) expect(result.digest).toBe(digestOf(onDisk.record.accessToken));
        expectNoSecrets(ours, seeded);

        // The CLIs that lost fail, as the CLI does without a lock; the winner succeeds.
        const listedByCli = clis.filter((result) => result.code === 0);
        expect(listedByCli).toHaveLength(first === "cli" ? 1 : 0);
        listedByCli.forEach(expectListed);
        for (const lost of clis.filter((result) => result.code !== 0)) {
          expect(lost.stderr).toMatch(CLI_LOST_RACE);
        }

        expect(emulator.isAccessTokenValid(onDisk.record.accessToken)).toBe(true);
        expect(emulator.isRefreshTokenValid(onDisk.record.refreshToken)).toBe(true);
      },
    );
  }
});
