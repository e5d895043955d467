// The real AWS CLI v2 and this package on one token cache file, taking turns: the CLI logs in,
// we serve and refresh, the CLI reads and refreshes what we wrote, and we again. Every token
// lives 10 minutes, inside the CLI's 15-minute refresh window, so each CLI call refreshes.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, vi } from "vitest";

import { serializeTokenRecord } from "../../src/cache/index.js";
import {
  startEmulator,
  type DeviceApprovalRequest,
  type Emulator,
} from "../../src/emulator/index.js";
import { prepareAwsCli, requireAwsCli, type AwsCli } from "../helpers/awsCli.js";
import { runProviderChild } from "../helpers/runChildren.js";
import { createSandbox, START_URL, type Sandbox } from "../helpers/sandbox.js";
import {
  cacheFolderNames,
  CLI_KEY_ORDER,
  CLI_TIMESTAMP,
  CONFIG,
  digestOf,
  epochSeconds,
  LIST_SPACES,
  PROFILE,
  readCacheFile,
  SESSION,
} from "./support.js";

// Real AWS CLI processes and ours share two cores with the rest of the suite: allow time.
vi.setConfig({ testTimeout: 240_000 });

const itWithCli = requireAwsCli();

const LIFETIME_SECONDS = 600;
/** A refresh window longer than any token's life: the provider child refreshes at once. */
const REFRESH_NOW = { profile: PROFILE, refreshWindowMs: 2 * LIFETIME_SECONDS * 1000 };

let emulator: Emulator;
let sandbox: Sandbox;
let cli: AwsCli;
/** What the CLI has printed during a login; the approval hook approves what it shows. */
let loginOutput = "";
const asked: DeviceApprovalRequest[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    accessTokenLifetimeSeconds: LIFETIME_SECONDS,
    // The CLI polls again right after showing the code, before its first sleep; with an
    // interval to enforce, that poll gets slow_down and the login waits 6 more seconds.
    deviceCodeIntervalSeconds: 0,
    // As a person would: approve the code once the CLI has shown it, not before.
    approvalHook: (request) => {
      if (request.kind !== "device") return "deny";
      asked.push(request);
      return loginOutput.includes(request.userCode) ? "approve" : "pending";
    },
  });
});
afterAll(async () => {
  await emulator?.stop();
});
beforeEach(async () => {
  sandbox = await createSandbox(CONFIG, emulator);
  cli = await prepareAwsCli({
    home: sandbox.home,
    configPath: sandbox.configPath,
    endpointUrl: emulator.url,
  });
  emulator.resetCounters();
  loginOutput = "";
  asked.length = 0;
});
afterEach(async () => {
  await sandbox?.cleanup();
});

describe("the AWS CLI v2 and this provider on one cache file", () => {
  itWithCli(
    "a CLI login is served and refreshed by us, then the CLI and we refresh in turn",
    async () => {
      const tokenPath = sandbox.tokenPath(SESSION);

      // 1. `aws sso login`: the device flow, approved through the emulator's hook.
      const loginStarted = Date.now();
      const login = await cli.run(["sso", "login", "--sso-session", SESSION, "--no-browser"], {
        onStdout: (stdout) => (loginOutput = stdout),
      });
      expect(login.stderr).toBe("");
      expect(login.code).toBe(0);
      expect(login.stdout).toContain(`Successfully logged into Start URL: ${START_URL}`);
      const approved = asked.at(-1)!;
      expect(approved).toMatchObject({
        clientName: `botocore-client-${SESSION}`,
        scopes: ["sso:account:access"],
        startUrl: START_URL,
      });
      expect(login.stdout).toContain(approved.verificationUriComplete);
      expect(emulator.counters.requests.RegisterClient).toBe(1);
      expect(emulator.counters.createTokenSuccesses.device_code).toBe(1);

      const byCli = await readCacheFile(tokenPath);
      expect(Object.keys(byCli.record)).toEqual(CLI_KEY_ORDER);
      expect(byCli.mode).toBe(0o600);
      expect(byCli.record.expiresAt).toMatch(CLI_TIMESTAMP);
      expect(byCli.record.registrationExpiresAt).toMatch(CLI_TIMESTAMP);
      expectExpiry(byCli.record.expiresAt, loginStarted, Date.now());
      // Our writer produces the CLI's bytes for the CLI's record: one format, not two.
      expect(serializeTokenRecord(byCli.record)).toBe(byCli.raw);
      const folderAfterLogin = await cacheFolderNames(tokenPath);
      expect(folderAfterLogin).toHaveLength(2);
      const registrationName = folderAfterLogin.find((name) => name !== basename(tokenPath))!;
      const registrationPath = join(dirname(tokenPath), registrationName);
      const registration = await readFile(registrationPath, "utf8");

      // 2. We serve the CLI's token as it is: no refresh, nothing written.
      const served = await runProviderChild(sandbox.env, { profile: PROFILE });
      expect(served).toMatchObject({ ok: true, digest: digestOf(byCli.record.accessToken) });
      expect(served.expiration).toBe(new Date(byCli.record.expiresAt).toISOString());
      expect(emulator.counters.requests.CreateToken).toBe(
        emulator.counters.createTokenSuccesses.device_code +
          emulator.counters.createTokenFailures.device_code,
      );
      expect((await readCacheFile(tokenPath)).raw).toBe(byCli.raw);

      // 3. We refresh it: the CLI's fields, order and form are kept, the secrets rotate.
      const oursStarted = Date.now();
      const refreshed = await runProviderChild(sandbox.env, REFRESH_NOW);
      const byUs = await readCacheFile(tokenPath);
      expect(refreshed).toMatchObject({ ok: true, digest: digestOf(byUs.record.accessToken) });
      expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
      expect(Object.keys(byUs.record)).toEqual(CLI_KEY_ORDER);
      expect(byUs.record.accessToken).not.toBe(byCli.record.accessToken);
      expect(byUs.record.refreshToken).not.toBe(byCli.record.refreshToken);
      expect(emulator.isRefreshTokenValid(byCli.record.refreshToken)).toBe(false);
      expect(byUs.record).toMatchObject(unchangedFields(byCli.record));
      expect(byUs.record.expiresAt).toMatch(CLI_TIMESTAMP);
      expectExpiry(byUs.record.expiresAt, oursStarted, Date.now());
      expect(byUs.mode).toBe(0o600);
      expect(serializeTokenRecord(byUs.record)).toBe(byUs.raw);
      expect(await cacheFolderNames(tokenPath)).toEqual(folderAfterLogin);
      expect(await readFile(registrationPath, "utf8")).toBe(registration);

      // 4. The CLI reads what we wrote and refreshes it with our refresh token.
      const cliStarted = Date.now();
      const listed = await cli.run(LIST_SPACES);
      expect(listed.stderr).toBe("");
      expect(JSON.parse(listed.stdout).items[0].name).toBe("emulated-space");
      const byCliAgain = await readCacheFile(tokenPath);
      expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(2);
      expect(emulator.isRefreshTokenValid(byUs.record.refreshToken)).toBe(false);
      expect(emulator.isRefreshTokenValid(byCliAgain.record.refreshToken)).toBe(true);
      expect(Object.keys(byCliAgain.record)).toEqual(CLI_KEY_ORDER);
      expect(byCliAgain.record).toMatchObject(unchangedFields(byUs.record));
      expectExpiry(byCliAgain.record.expiresAt, cliStarted, Date.now());
      expect(byCliAgain.mode).toBe(0o600);

      // 5. And we again: serve the CLI's refreshed token, then refresh it.
      const servedAgain = await runProviderChild(sandbox.env, { profile: PROFILE });
      expect(servedAgain).toMatchObject({
        ok: true,
        digest: digestOf(byCliAgain.record.accessToken),
      });
      const refreshedAgain = await runProviderChild(sandbox.env, REFRESH_NOW);
      const byUsAgain = await readCacheFile(tokenPath);
      expect(refreshedAgain).toMatchObject({
        ok: true,
        digest: digestOf(byUsAgain.record.accessToken),
      });
      expect(Object.keys(byUsAgain.record)).toEqual(CLI_KEY_ORDER);
      expect(byUsAgain.mode).toBe(0o600);
      expect(emulator.isRefreshTokenValid(byUsAgain.record.refreshToken)).toBe(true);

      expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(3);
      expect(emulator.counters.invalidGrant).toBe(0);
      expect(emulator.counters.requests.ListSpaces).toBe(1);
    },
  );

  itWithCli(
    "another tool's file (keys sorted, indented, milliseconds, an unknown key) works both ways",
    async () => {
      const tokenPath = sandbox.tokenPath(SESSION);
      const issued = emulator.issueSession();
      const foreign = {
        accessToken: issued.accessToken,
        clientId: issued.clientId,
        clientSecret: issued.clientSecret,
        expiresAt: issued.expiresAt.toISOString(),
        refreshToken: issued.refreshToken,
        region: "us-east-1",
        registrationExpiresAt: issued.registrationExpiresAt.toISOString(),
        startUrl: START_URL,
        toolVersion: "other-tool/1.0",
      };
      await mkdir(dirname(tokenPath), { recursive: true });
      await writeFile(tokenPath, JSON.stringify(foreign, null, 2), { mode: 0o644 });

      // We refresh it: its key order and unknown key stay, `expiresAt` takes the CLI's form,
      // and the file becomes owner-only.
      const refreshed = await runProviderChild(sandbox.env, REFRESH_NOW);
      const byUs = await readCacheFile(tokenPath);
      expect(refreshed).toMatchObject({ ok: true, digest: digestOf(byUs.record.accessToken) });
      expect(Object.keys(byUs.record)).toEqual(Object.keys(foreign));
      expect(byUs.record.toolVersion).toBe("other-tool/1.0");
      expect(byUs.record.registrationExpiresAt).toBe(foreign.registrationExpiresAt);
      expect(byUs.record.expiresAt).toMatch(CLI_TIMESTAMP);
      expect(byUs.mode).toBe(0o600);

      // The CLI reads that order and refreshes it, keeping only the fields it knows.
      const listed = await cli.run(LIST_SPACES);
      expect(listed.stderr).toBe("");
      expect(listed.code).toBe(0);
      const byCli = await readCacheFile(tokenPath);
      expect(Object.keys(byCli.record)).toEqual(CLI_KEY_ORDER);
      expect(byCli.record.registrationExpiresAt).toBe(foreign.registrationExpiresAt);
      expect(emulator.isRefreshTokenValid(byUs.record.refreshToken)).toBe(false);
      expect(byCli.mode).toBe(0o600);

      // We read the CLI's rewrite of it.
      const served = await runProviderChild(sandbox.env, { profile: PROFILE });
      expect(served).toMatchObject({ ok: true, digest: digestOf(byCli.record.accessToken) });
      expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(2);
      expect(emulator.counters.invalidGrant).toBe(0);
    },
  );

  itWithCli(
    "`aws sso logout` removes a file we wrote, despite our leftovers; we then say to log in",
    async () => {
      const tokenPath = sandbox.tokenPath(SESSION);
      await mkdir(dirname(tokenPath), { recursive: true });
      const issued = emulator.issueSession();
      await writeFile(
        tokenPath,
        serializeTokenRecord({
          startUrl: START_URL,
          region: "us-east-1",
          accessToken: issued.accessToken,
          expiresAt: issued.expiresAt,
          clientId: issued.clientId,
          clientSecret: issued.clientSecret,
          registrationExpiresAt: issued.registrationExpiresAt,
          refreshToken: issued.refreshToken,
        }),
        { mode: 0o600 },
      );
      const refreshed = await runProviderChild(sandbox.env, REFRESH_NOW);
      expect(refreshed.ok).toBe(true);
      const byUs = await readCacheFile(tokenPath);
      // What a process of ours killed mid-refresh leaves: its lock folder and a temporary file.
      await mkdir(`${tokenPath}.lock`);
      const leftover = join(dirname(tokenPath), `.${basename(tokenPath)}.99999.0123456789ab.tmp`);
      await writeFile(leftover, "{", { mode: 0o600 });

      const logout = await cli.run(["sso", "logout"]);

      expect(logout.stderr).toBe("");
      expect(logout.code).toBe(0);
      expect(await cacheFolderNames(tokenPath)).toEqual(
        [`${basename(tokenPath)}.lock`, basename(leftover)].sort(),
      );
      expect(emulator.counters.requests.Logout).toBe(1);
      expect(emulator.isAccessTokenValid(byUs.record.accessToken)).toBe(false);

      const afterLogout = await runProviderChild(sandbox.env, { profile: PROFILE });
      expect(afterLogout).toMatchObject({ ok: false, code: "TOKEN_NOT_FOUND" });
      expect(afterLogout.message).toContain(tokenPath);
      expect(afterLogout.message).toContain(`aws sso login --sso-session ${SESSION}`);
    },
  );
});

/** `expiresAt` is the lifetime counted from a moment inside [startedMs, endedMs]. */
function expectExpiry(expiresAt: string, startedMs: number, endedMs: number): void {
  const seconds = epochSeconds(expiresAt);
  expect(seconds).toBeGreaterThanOrEqual(Math.floor(startedMs / 1000) + LIFETIME_SECONDS);
  expect(seconds).toBeLessThanOrEqual(Math.ceil(endedMs / 1000) + LIFETIME_SECONDS);
}

/** The fields a refresh must carry over unchanged. */
function unchangedFields(record: Record<string, string>): Record<string, string> {
  const { startUrl, region, clientId, clientSecret, registrationExpiresAt } = record;
  return { startUrl, region, clientId, clientSecret, registrationExpiresAt };
}

