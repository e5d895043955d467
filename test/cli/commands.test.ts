import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { formatTimestamp, newTokenRecord, writeTokenFile } from "../../src/cache/index.js";
import { acquireSessionLock } from "../../src/lock/index.js";
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type IssuedSession,
} from "../../src/emulator/index.js";
import {
  assertCliBuilt,
  createCliHome,
  runCli,
  START_URL,
  startCli,
  type CliHome,
  type CliProcess,
  waitForSigintHandler,
  withSigintAnnouncement,
} from "./cliProcess.js";

const emulators: Emulator[] = [];
const homes: CliHome[] = [];

beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  assertCliBuilt();
});

afterAll(async () => {
  await Promise.all(emulators.map((emulator) => emulator.stop()));
  await Promise.all(homes.map((home) => home.cleanup()));
});

/** An emulator of its own and a fresh home pointed at it. */
async function setUp(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options);
  emulators.push(emulator);
  const home = await createCliHome(emulator.url);
  homes.push(home);
  return { emulator, home, env: home.env };
}

/** An approval hook that answers "pending" `pendingPolls` times, then approves. */
function approveAfter(pendingPolls: number) {
  let asked = 0;
  return () => (asked++ < pendingPolls ? "pending" : "approve");
}

const NO_SECRETS_ON_STDERR = (stderr: string, ...secrets: string[]) => {
  for (const secret of secrets) expect(stderr).not.toContain(secret);
};

describe("sso-token-provider usage", () => {
  it("prints each command's help on standard output and exits 0", async () => {
    const { env } = await setUp();
    const commands = ["login", "token", "status", "logout", "emulator", "credential-process"];

    const results = await Promise.all(commands.map((command) => runCli([command, "--help"], env)));
    const main = await runCli(["--help"], env);
    const helpToken = await runCli(["help", "token"], env);

    results.forEach((result, index) => {
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: sso-token-provider ${commands[index]}`));
    });
    expect(main).toMatchObject({ code: 0, stdout: expect.stringContaining("Commands:") });
    expect(helpToken.stdout).toMatch(/^Usage: sso-token-provider token/);
  });

  it("exits 2 with a one-line reason on bad usage", async () => {
    const { env } = await setUp();

    const [none, unknown, badOption, both, badNumber, helpUnknown, version] = await Promise.all([
      runCli([], env),
      runCli(["logon"], env),
      runCli(["token", "--jsn"], env),
      runCli(["login", "--profile", "dev", "--sso-session", "my-sso"], env),
      runCli(["login", "--timeout-seconds", "soon"], env),
      runCli(["help", "logon"], env),
      runCli(["--version", "extra"], env),
    ]);

    const all = [none, unknown, badOption, both, badNumber, helpUnknown, version];
    expect(all.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(helpUnknown.stderr).toBe(unknown.stderr);
    expect(helpUnknown.stdout).toBe("");
    expect(version.stderr).toContain("--version takes no arguments");
    expect(unknown.stderr).toBe(
      "sso-token-provider: unknown command 'logon'; the commands are login, token, status, " +
        "logout, emulator, credential-process. See `sso-token-provider --help`.\n",
    );
    expect(badOption.stderr).toMatch(/^sso-token-provider: Unknown option '--jsn'/);
    expect(badOption.stderr).toMatch(/See `sso-token-provider token --help`\.\n$/);
    expect(both.stderr).toContain("give --profile or --sso-session, not both");
    expect(badNumber.stderr).toContain("--timeout-seconds must be a whole number");
  });

  it("names the profiles and sessions that exist when one is unknown", async () => {
    const { env } = await setUp();

    const profile = await runCli(["token", "--profile", "nope"], env);
    const session = await runCli(["login", "--sso-session", "nope"], env);

    expect(profile.code).toBe(1);
    expect(profile.stderr.trim().split("\n")).toHaveLength(1);
    expect(profile.stderr).toMatch(/nope/);
    expect(profile.stderr).toMatch(/dev/);
    expect(profile.stderr).toMatch(/old/);
    expect(session.code).toBe(1);
    expect(session.stderr).toMatch(/my-sso/);
    expect(session.stderr).toMatch(/other/);
  });

  it("picks the profile from AWS_PROFILE, then AWS_DEFAULT_PROFILE", async () => {
    const { env } = await setUp();

    const fromDefault = await runCli(["token"], { ...env, AWS_DEFAULT_PROFILE: "old" });
    const fromProfile = await runCli(["token"], {
      ...env,
      AWS_PROFILE: "dev",
      AWS_DEFAULT_PROFILE: "old",
    });

    expect(fromDefault.stderr).toContain("legacy SSO profile 'old'");
    expect(fromProfile.stderr).toContain("sso-session 'my-sso' (profile 'dev')");
  });
});

describe.concurrent("sso-token-provider login --use-device-code", () => {
  it("signs in once the code is approved while it polls", async () => {
    const { emulator, home, env } = await setUp({ approvalHook: approveAfter(2) });

    const result = await runCli(["login", "--profile", "dev", "--use-device-code"], env);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/confirm the code \w{4}-\w{4}\./);
    expect(result.stderr).toContain(`${emulator.url}/device?user_code=`);
    expect(result.stderr).toContain("Signed in to sso-session 'my-sso' (profile 'dev')");
    expect(result.stderr).not.toMatch(/NodeVersion|Node\.js version|\u001b\[/);
    expect(emulator.counters.createTokenFailures.device_code).toBe(2);
    const record = JSON.parse(await readFile(home.tokenPath("my-sso"), "utf8"));
    expect(emulator.isAccessTokenValid(record.accessToken)).toBe(true);
    expect((await stat(home.tokenPath("my-sso"))).mode & 0o777).toBe(0o600);
    const secrets = [record.accessToken, record.refreshToken, record.clientSecret];
    NO_SECRETS_ON_STDERR(result.stderr, ...secrets);
  });

  it("slows down by 5 seconds when the service answers slow_down", async () => {
    const { emulator, env } = await setUp({ approvalHook: approveAfter(0) });
    emulator.injectFault({ operation: "CreateToken", fault: "throttle" });

    const result = await runCli(["login", "--sso-session", "my-sso", "--use-device-code"], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "The service asked to poll more slowly; now polling every 6 s.",
    );
    expect(emulator.counters.requests.CreateToken).toBe(2);
  });

  it("fails with the command to run again when the code expires unapproved", async () => {
    const { emulator, home, env } = await setUp({
      approvalHook: () => "pending",
      deviceCodeLifetimeSeconds: 2,
    });

    const result = await runCli(["login", "--sso-session", "my-sso", "--use-device-code"], env);

    expect(result.code).toBe(1);
    const lastLine = result.stderr.trim().split("\n").pop()!;
    expect(lastLine.replace(/\w{4}-\w{4}/, "CODE")).toBe(
      "error: Login for sso-session 'my-sso' failed: the code CODE was not approved before " +
        "it expired. Run `sso-token-provider login --sso-session my-sso --use-device-code` " +
        "again and approve the new code.",
    );
    expect(emulator.counters.createTokenSuccesses.device_code).toBe(0);
    await expect(stat(home.tokenPath("my-sso"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("warns which setting to add when no refresh token came back", async () => {
    const { env } = await setUp({ autoApprove: true });

    const result = await runCli(["login", "--sso-session", "other", "--use-device-code"], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: The service issued no refresh token for sso-session 'other'",
    );
    expect(result.stderr).toContain("Add `sso_registration_scopes = sso:account:access`");
    expect(result.stderr).toContain("it cannot be refreshed.");
  });
});

describe.concurrent("sso-token-provider token", () => {
  it("never starts a login: without a token it fails and names the login to run", async () => {
    const { emulator, env } = await setUp({ autoApprove: true });

    const result = await runCli(["token", "--sso-session", "my-sso"], env);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(
      "npx --no-install sso-token-provider login --sso-session my-sso",
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(emulator.counters.requests.RegisterClient).toBe(0);
  });

  it("prints the cached token, or with --json the token and its expiry as cached", async () => {
    const { emulator, home, env } = await setUp();
    const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
    const expiresAt = new Date(Date.now() + 3_000_000);
    await writeTokenFile(home.tokenPath("my-sso"), sessionRecord(issued, expiresAt));

    const plain = await runCli(["token", "--profile", "dev"], env);
    const json = await runCli(["token", "--sso-session", "my-sso", "--json"], env);

    expect(plain).toEqual({ code: 0, stdout: `${issued.accessToken}\n`, stderr: "" });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      accessToken: issued.accessToken,
      expiresAt: formatTimestamp(expiresAt),
    });
    expect(emulator.counters.requests.CreateToken).toBe(0);
  });

  it("refreshes a token about to expire, under the lock, and prints the new one", async () => {
    const { emulator, home, env } = await setUp();
    const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
    const soon = new Date(Date.now() + 60_000);
    await writeTokenFile(home.tokenPath("my-sso"), sessionRecord(issued, soon));

    const result = await runCli(["token", "--sso-session", "my-sso"], env);

    const record = JSON.parse(await readFile(home.tokenPath("my-sso"), "utf8"));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${record.accessToken}\n`);
    expect(record.accessToken).not.toBe(issued.accessToken);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
  });
});

describe.concurrent("sso-token-provider status", () => {
  it("shows every session's token state without a secret", async () => {
    const { emulator, home, env } = await setUp();
    const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
    const expiresAt = new Date(Date.now() + 3_000_000);
    await writeTokenFile(home.tokenPath("my-sso"), sessionRecord(issued, expiresAt));

    const text = await runCli(["status"], env);
    const json = await runCli(["status", "--json"], env);

    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "sso-session my-sso\n  start URL    https://d-1234567890.awsapps.com/start\n" +
        "  region       us-east-1\n",
    );
    expect(text.stdout).toContain(`valid until ${formatTimestamp(expiresAt)}`);
    expect(text.stdout).toContain(
      `possible; client registration valid until ${formatTimestamp(issued.registrationExpiresAt)}`,
    );
    expect(text.stdout).toContain(
      "sso-session other\n  start URL    https://other.awsapps.com/start\n" +
        "  region       eu-west-1\n" +
        "  token        none; sign in with `sso-token-provider login --sso-session other`\n",
    );
    expect(text.stdout).toContain("profile old (legacy SSO profile)");

    const status = JSON.parse(json.stdout);
    expect(status.configFile).toBe(env.AWS_CONFIG_FILE);
    const names = status.sessions.map((session: { name: string }) => session.name);
    expect(names).toEqual(["my-sso", "other", "old"]);
    expect(status.sessions[0]).toEqual({
      kind: "session",
      name: "my-sso",
      startUrl: START_URL,
      region: "us-east-1",
      tokenFile: home.tokenPath("my-sso"),
      token: {
        cached: true,
        expiresAt: formatTimestamp(expiresAt),
        valid: true,
        refreshable: true,
        registrationExpiresAt: formatTimestamp(issued.registrationExpiresAt),
      },
      login: "sso-token-provider login --sso-session my-sso",
    });
    expect(status.sessions[2]).toMatchObject({ kind: "legacy", token: { cached: false } });
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) {
      expect(output).not.toContain(issued.accessToken);
      expect(output).not.toContain(issued.refreshToken);
      expect(output).not.toContain(issued.clientSecret);
    }
  });
});

describe.concurrent("sso-token-provider logout", () => {
  it("signs one session out of the portal, removes its token, keeps the registration", async () => {
    const { emulator, home, env } = await setUp({ autoApprove: true });
    await runCli(["login", "--sso-session", "my-sso", "--use-device-code"], env);
    const token = JSON.parse(await readFile(home.tokenPath("my-sso"), "utf8")).accessToken;

    const result = await runCli(["logout", "--profile", "dev"], env);
    const again = await runCli(["logout", "--profile", "dev"], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `Signed out of sso-session 'my-sso' (profile 'dev'): removed ${home.tokenPath("my-sso")}; ` +
        "the portal session was ended.\n",
    );
    expect(emulator.counters.requests.Logout).toBe(1);
    expect(emulator.isAccessTokenValid(token)).toBe(false);
    expect(await cacheFiles(home)).toEqual(["a8343d65418848d0bc13a5f25cbb32508ceec5d1.json"]);
    expect(again).toMatchObject({ code: 0, stderr: expect.stringContaining("was not signed in") });
  });

  it("--all signs out of every SSO token, keeping registrations (aws sso logout)", async () => {
    const { emulator, home, env } = await setUp({ autoApprove: true });
    await runCli(["login", "--sso-session", "my-sso", "--use-device-code"], env);
    await runCli(["login", "--profile", "old"], env);
    const cliCache = join(home.home, ".aws", "cli", "cache");
    await mkdir(cliCache, { recursive: true });
    await writeFile(join(cliCache, "a.json"), '{"ProviderType": "sso", "Credentials": {}}');
    await writeFile(join(cliCache, "b.json"), '{"ProviderType": "assume-role"}');

    const result = await runCli(["logout", "--all"], env);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "Signed out of 2 cached SSO tokens and removed 1 cached role credentials; client " +
        "registrations were kept.",
    );
    expect(emulator.counters.requests.Logout).toBe(2);
    const left = await cacheFiles(home);
    expect(left).toHaveLength(2);
    expect(left).toContain("a8343d65418848d0bc13a5f25cbb32508ceec5d1.json");
    expect(await readdir(cliCache)).toEqual(["b.json"]);
  });
});

describe("sso-token-provider login, interrupted", () => {
  it("exits 130 on Ctrl-C and leaves no lock or login marker behind", async () => {
    const { home, env } = await setUp({ approvalHook: () => "pending" });
    const login = startCli(["login", "--sso-session", "my-sso"], env);
    await login.waitForStderr(/Waiting for you to sign in/);
    const lock = `${home.tokenPath("my-sso")}.lock`;
    await expect(stat(lock)).resolves.toBeTruthy();

    login.child.kill("SIGINT");
    const result = await login.result;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain("the login was interrupted before it finished");
    await expect(stat(lock)).rejects.toMatchObject({ code: "ENOENT" });
    const marker = `${home.tokenPath("my-sso")}.login`;
    await expect(stat(marker)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("sso-token-provider token, interrupted", () => {
  it("stops at once on Ctrl-C while it waits for a login that holds the session", async () => {
    const { emulator, home, env } = await setUp();
    const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
    const expired = new Date(Date.now() - 60_000);
    await writeTokenFile(home.tokenPath("my-sso"), sessionRecord(issued, expired));
    const lock = await acquireSessionLock(home.tokenPath("my-sso"), {
      timeoutMs: 0,
      staleMs: 10_000,
      purpose: "login",
    });
    try {
      const ready = join(home.home, "sigint-ready");
      const args = ["token", "--sso-session", "my-sso"];
      const token = startCli(args, withSigintAnnouncement(env, ready));
      await waitForSigintHandler(ready);
      // Then a moment for it to read the expired token and start waiting on the lock (10 s).
      await new Promise((resolve) => setTimeout(resolve, 500));
      token.child.kill("SIGINT");
      const result = await token.result;

      expect(result).toEqual({ code: 130, stdout: "", stderr: "Interrupted.\n" });
      expect(emulator.counters.requests.CreateToken).toBe(0);
    } finally {
      await lock.release();
    }
  });
});

describe("sso-token-provider emulator", () => {
  it("prints its address and environment lines, serves a login, and stops on SIGINT", async () => {
    const home = await createCliHome("http://127.0.0.1:9");
    homes.push(home);
    const args = ["emulator", "--auto-approve", "--device-code-interval-seconds", "1"];
    const running = startCli(args, home.env);
    const url = await waitForStdout(running, /listening on (http:\/\/127\.0\.0\.1:\d+)/);

    const env = { ...home.env, AWS_ENDPOINT_URL_SSO_OIDC: url, AWS_ENDPOINT_URL_SSO: url };
    const login = await runCli(["login", "--sso-session", "my-sso", "--use-device-code"], env);
    running.child.kill("SIGINT");
    const stopped = await running.result;

    expect(running.stdout()).toContain(`export AWS_ENDPOINT_URL_SSO_OIDC=${url}\n`);
    expect(login.code).toBe(0);
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain("POST /token CreateToken (device_code) -> 200");
    expect(stopped.stderr).toContain("Emulator stopped.");
  });
});

function sessionRecord(issued: IssuedSession, expiresAt: Date) {
  return newTokenRecord({
    startUrl: START_URL,
    region: "us-east-1",
    accessToken: issued.accessToken,
    expiresAt,
    clientId: issued.clientId,
    clientSecret: issued.clientSecret,
    registrationExpiresAt: issued.registrationExpiresAt,
    refreshToken: issued.refreshToken,
  });
}

async function cacheFiles(home: CliHome): Promise<string[]> {
  const names = await readdir(join(home.home, ".aws", "sso", "cache"));
  return names.filter((name) => name.endsWith(".json")).sort();
}

async function waitForStdout(running: CliProcess, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const match = running.stdout().match(pattern);
    if (match) return match[1]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no ${pattern} on stdout; stderr: ${running.stderr()}`);
}
