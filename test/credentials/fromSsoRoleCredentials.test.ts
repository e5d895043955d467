import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { inspect } from "node:util";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { fromSsoRoleCredentials, SsoRoleCredentials } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { runProviderChild } from "../helpers/runChildren.js";
import { createSandbox, seedToken, useSandboxEnv, type Sandbox } from "../helpers/sandbox.js";
import {
  ACCOUNT_A,
  ACCOUNT_B,
  ACCOUNTS,
  callerIdentity,
  rejectionOf,
  rolesConfig,
  useEmulatorEnv,
} from "./support.js";

const MINUTE = 60_000;

let emulator: Emulator;
let sandbox: Sandbox;
let restoreEnv: () => void;

async function setUp(config = rolesConfig(), roleCredentialsLifetimeSeconds = 3600) {
  emulator = await startEmulator({ accounts: ACCOUNTS, roleCredentialsLifetimeSeconds });
  sandbox = await createSandbox(config, emulator);
  useSandboxEnv(sandbox);
  restoreEnv = useEmulatorEnv(emulator.url);
}

beforeEach(async () => {
  await setUp();
});
afterEach(async () => {
  restoreEnv();
  await emulator.stop();
  await sandbox.cleanup();
});

describe("fromSsoRoleCredentials with a real STS client", () => {
  it("signs GetCallerIdentity with the profile's role credentials", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const identity = await callerIdentity(fromSsoRoleCredentials({ profile: "dev" }));

    expect(identity.Account).toBe(ACCOUNT_A);
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT_A}:assumed-role/ReadOnly/emulator-user`);
  });

  it("returns keys with expiration and account id, and hides the secrets", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const credentials = (await fromSsoRoleCredentials({ profile: "dev" })()) as SsoRoleCredentials;

    expect(credentials).toBeInstanceOf(SsoRoleCredentials);
    expect(credentials.accountId).toBe(ACCOUNT_A);
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    const lifetimeMs = credentials.expiration.getTime() - Date.now();
    expect(lifetimeMs).toBeGreaterThan(59 * MINUTE);
    expect(lifetimeMs).toBeLessThanOrEqual(60 * MINUTE);
    const shown = [inspect(credentials), JSON.stringify(credentials), String(credentials)];
    for (const text of shown) {
      expect(text).toContain(credentials.accessKeyId);
      expect(text).not.toContain(credentials.secretAccessKey);
      expect(text).not.toContain(credentials.sessionToken);
    }
    expect(JSON.parse(JSON.stringify(credentials))).toMatchObject({
      secretAccessKey: "[redacted]",
      sessionToken: "[redacted]",
      accountId: ACCOUNT_A,
    });
  });

  it("gives two profiles on one session their own accounts, through one provider", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = fromSsoRoleCredentials();

    const dev = await callerIdentity(provider, "dev");
    const ops = await callerIdentity(provider, "ops");
    const devAgain = await callerIdentity(provider, "dev");

    expect([dev.Account, ops.Account, devAgain.Account]).toEqual([ACCOUNT_A, ACCOUNT_B, ACCOUNT_A]);
    expect(ops.Arn).toBe(`arn:aws:sts::${ACCOUNT_B}:assumed-role/Deploy/emulator-user`);
    // The third client got dev's cached credentials: two profiles, two GetRoleCredentials.
    expect(emulator.counters.roleCredentialsIssued).toBe(2);
  });

  it("never hands one profile's cached credentials to another", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = fromSsoRoleCredentials();

    const dev = await provider({ callerClientConfig: { profile: "dev" } } as never);
    const ops = await provider({ callerClientConfig: { profile: "ops" } } as never);
    const devAgain = await provider({ callerClientConfig: { profile: "dev" } } as never);

    expect(ops.accessKeyId).not.toBe(dev.accessKeyId);
    expect(ops.accountId).toBe(ACCOUNT_B);
    expect(devAgain).toBe(dev);
  });

  it("asks again on forceRefresh even while the cached credentials are fresh", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = fromSsoRoleCredentials({ profile: "dev" });

    const first = await provider();
    const forced = await provider({ forceRefresh: true } as never);

    expect(forced.accessKeyId).not.toBe(first.accessKeyId);
    expect(emulator.counters.roleCredentialsIssued).toBe(2);
  });

  it("shares one GetRoleCredentials among concurrent resolutions", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = fromSsoRoleCredentials({ profile: "dev" });

    const all = await Promise.all([provider(), provider(), provider()]);

    expect(new Set(all.map((credentials) => credentials.accessKeyId)).size).toBe(1);
    expect(emulator.counters.requests.GetRoleCredentials).toBe(1);
  });

  it("writes nothing to disk besides the token cache", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    await callerIdentity(fromSsoRoleCredentials({ profile: "dev" }));

    const files = await listFiles(sandbox.home);
    expect(files.sort()).toEqual([".aws/config", relative(sandbox.home, seeded.filepath)].sort());
  });
});

describe("fromSsoRoleCredentials and the portal's answers", () => {
  it("on Unauthorized, refreshes the token with forceRefresh and retries once", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    // The cache still shows the token as valid for 30 minutes; only the portal knows better.
    emulator.revokeAccessToken(seeded.accessToken);

    const identity = await callerIdentity(fromSsoRoleCredentials({ profile: "dev" }));

    expect(identity.Account).toBe(ACCOUNT_A);
    expect(emulator.counters.requests.GetRoleCredentials).toBe(2);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
  });

  it("fails after one retry with a message that names the login command", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    emulator.revokeAccessToken(seeded.accessToken);
    emulator.injectFault({
      operation: "CreateToken",
      fault: { errorShape: "InvalidGrantException" },
    });
    const logger = captureLogger();

    const error = await rejectionOf(fromSsoRoleCredentials({ profile: "dev", logger })());

    expect(error.code).toBe("CREDENTIALS_FAILED");
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("aws sso login --sso-session my-sso");
    expect(error.message).toContain(`account ${ACCOUNT_A}`);
    expect(error.message).toContain("UnauthorizedException");
    expect(emulator.counters.requests.GetRoleCredentials).toBe(2);
    expect(emulator.counters.requests.CreateToken).toBe(1);
    // The refresh failed while the cached token looked valid: the provider warned and served it.
    expect(logger.warnings().join("\n")).toContain("could not refresh");
    const everything = [error.message, inspect(error), JSON.stringify(error), logger.all()];
    for (const text of everything) expect(text).not.toContain(seeded.accessToken);
  });

  it("does not retry a role the user has no access to, and says what to check", async () => {
    await restart(rolesConfig("[profile nope]", "sso_session = my-sso",
      `sso_account_id = ${ACCOUNT_B}`, "sso_role_name = ReadOnly"));
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const error = await rejectionOf(fromSsoRoleCredentials({ profile: "nope" })());

    expect(error.code).toBe("CREDENTIALS_FAILED");
    expect(error.message).toContain("ForbiddenException");
    expect(error.message).toContain(
      `sso_account_id and sso_role_name of profile 'nope' in ${sandbox.configPath}`,
    );
    expect(emulator.counters.requests.GetRoleCredentials).toBe(1);
    expect(emulator.counters.requests.CreateToken).toBe(0);
  });

  it("calls the portal at AWS_ENDPOINT_URL_SSO, apart from the OIDC endpoint", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    // Nothing listens on port 9; a fresh token needs no OIDC call, so this must not matter.
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = "http://127.0.0.1:9";

    const credentials = await fromSsoRoleCredentials({ profile: "ops" })();

    expect(credentials.accountId).toBe(ACCOUNT_B);
    expect(emulator.counters.requests.GetRoleCredentials).toBe(1);
  });

  it("uses its clientConfig endpoint for the portal over AWS_ENDPOINT_URL_SSO", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    process.env.AWS_ENDPOINT_URL_SSO = "http://127.0.0.1:9";

    const credentials = await fromSsoRoleCredentials({
      profile: "dev",
      clientConfig: { endpoint: emulator.url },
    })();

    expect(credentials.accountId).toBe(ACCOUNT_A);
  });

  it("takes the account and role from its options for a session named directly", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const credentials = await fromSsoRoleCredentials({
      ssoSession: "my-sso",
      accountId: ACCOUNT_B,
      roleName: "Deploy",
    })();

    expect(credentials.accountId).toBe(ACCOUNT_B);
    expect((await callerIdentity(credentials)).Account).toBe(ACCOUNT_B);
  });
});

describe("fromSsoRoleCredentials and the token on disk", () => {
  it("picks up a token that another process refreshed between two resolutions", async () => {
    await restart(rolesConfig(), 120);
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 3 * MINUTE });
    // Our window is 1 minute, so we use the cached token as it is.
    const provider = fromSsoRoleCredentials({ profile: "dev", refreshWindowMs: MINUTE });
    await callerIdentity(provider);
    expect(emulator.counters.requests.CreateToken).toBe(0);

    // Another process, with the default 5-minute window, refreshes it.
    const child = await runProviderChild(sandbox.env, { profile: "dev" });
    expect(child.ok).toBe(true);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
    emulator.revokeAccessToken(seeded.accessToken);

    // Credentials of 2 minutes are never reused, so this resolution needs the token again.
    const issuedBefore = emulator.counters.roleCredentialsIssued;
    const second = await provider();

    expect((await callerIdentity(second)).Account).toBe(ACCOUNT_A);
    // Only the refreshed token works now, and we did not refresh it ourselves.
    expect(emulator.counters.requests.CreateToken).toBe(1);
    expect(emulator.counters.roleCredentialsIssued).toBe(issuedBefore + 1);
  });

  it("fails with the login command when there is no cached token", async () => {
    const error = await rejectionOf(fromSsoRoleCredentials({ profile: "dev" })());

    expect(error.code).toBe("TOKEN_NOT_FOUND");
    expect(error.message).toContain("aws sso login --sso-session my-sso");
    expect(emulator.counters.requests.GetRoleCredentials).toBe(0);
  });
});

describe("fromSsoRoleCredentials and the shared config", () => {
  it("refuses a profile whose sso_region differs from its session's, showing both", async () => {
    await restart(rolesConfig("[profile odd]", "sso_session = my-sso", "sso_region = eu-west-1",
      `sso_account_id = ${ACCOUNT_A}`, "sso_role_name = ReadOnly"));

    const error = await rejectionOf(fromSsoRoleCredentials({ profile: "odd" })());

    expect(error.code).toBe("SSO_CONFIG_INVALID");
    expect(error.message).toContain("eu-west-1");
    expect(error.message).toContain("us-east-1");
    expect(error.tryNextLink).toBe(false);
  });

  it("names the missing sso_role_name and the file", async () => {
    await restart(rolesConfig("[profile half]", "sso_session = my-sso",
      `sso_account_id = ${ACCOUNT_A}`));

    const error = await rejectionOf(fromSsoRoleCredentials({ profile: "half" })());

    expect(error.code).toBe("SSO_CONFIG_INVALID");
    expect(error.message).toContain(`Profile "half" in ${sandbox.configPath} has no sso_role_name`);
  });

  it("lets a chain move on when the default profile has no SSO settings", async () => {
    await restart(rolesConfig("[default]", "region = us-east-1"));

    const error = await rejectionOf(fromSsoRoleCredentials()());

    expect(error.code).toBe("PROFILE_NOT_SSO");
    expect(error.tryNextLink).toBe(true);
  });

  it("stops a chain when a named profile has no SSO settings, unless ssoProfilesOnly", async () => {
    await restart(rolesConfig("[profile plain]", "region = us-east-1"));

    const named = await rejectionOf(fromSsoRoleCredentials({ profile: "plain" })());
    const chained = await rejectionOf(
      fromSsoRoleCredentials({ profile: "plain", ssoProfilesOnly: true })(),
    );

    expect([named.code, named.tryNextLink]).toEqual(["PROFILE_NOT_SSO", false]);
    expect([chained.code, chained.tryNextLink]).toEqual(["PROFILE_NOT_SSO", true]);
  });

  it("with ssoProfilesOnly, leaves an SSO profile with static keys to the SDK", async () => {
    await restart(rolesConfig("[profile mixed]", "sso_session = my-sso",
      `sso_account_id = ${ACCOUNT_A}`, "sso_role_name = ReadOnly",
      "aws_access_key_id = AKIAEXAMPLE", "aws_secret_access_key = secret"));

    const error = await rejectionOf(
      fromSsoRoleCredentials({ profile: "mixed", ssoProfilesOnly: true })(),
    );

    expect(error.tryNextLink).toBe(true);
    expect(error.message).toContain("aws_access_key_id and aws_secret_access_key");
  });
});

async function restart(config: string, roleCredentialsLifetimeSeconds = 3600): Promise<void> {
  restoreEnv();
  await emulator.stop();
  await sandbox.cleanup();
  await setUp(config, roleCredentialsLifetimeSeconds);
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}
