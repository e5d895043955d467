import { fromIni, fromProcess } from "@aws-sdk/credential-providers";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import {
  formatCredentialProcessOutput,
  readTokenFile,
  runCredentialProcess,
  SsoRoleCredentials,
} from "../../src/index.js";
import { prepareAwsCli, requireAwsCli } from "../helpers/awsCli.js";
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
// The built command line, as `npx sso-token-provider` runs it.
const SCRIPT = fileURLToPath(new URL("../../dist/esm/cli/main.js", import.meta.url));

// Debian's AWS CLI v2 (/usr/bin/aws), never the first `aws` on PATH: an older one may be there.
const itWithAwsCli = requireAwsCli();

/** The profile line that runs our credential process for `profile`. */
function processLine(profile: string): string {
  return `credential_process = "${process.execPath}" "${SCRIPT}" credential-process --profile ${profile}`;
}

let emulator: Emulator;
let sandbox: Sandbox;
let restoreEnv: () => void;

beforeEach(async () => {
  emulator = await startEmulator({ accounts: ACCOUNTS });
  const config = rolesConfig(
    "[profile dev-anywhere]",
    processLine("dev"),
    "",
    "[profile ops-anywhere]",
    processLine("ops"),
  );
  sandbox = await createSandbox(config, emulator);
  useSandboxEnv(sandbox);
  restoreEnv = useEmulatorEnv(emulator.url);
});
afterEach(async () => {
  restoreEnv();
  await emulator.stop();
  await sandbox.cleanup();
});

describe("credential-process read back by the SDK", () => {
  it("gives the SDK's fromProcess credentials that STS accepts", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const credentials = await fromProcess({ profile: "ops-anywhere" })();
    const identity = await callerIdentity(credentials);

    expect(identity.Account).toBe(ACCOUNT_B);
    expect(credentials.accountId).toBe(ACCOUNT_B);
    expect(credentials.sessionToken).toMatch(/\S/);
    expect(credentials.expiration!.getTime()).toBeGreaterThan(Date.now() + 50 * MINUTE);
  });

  it("serves a profile through the SDK's fromIni, which runs the process", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const identity = await callerIdentity(fromIni({ profile: "dev-anywhere" }));

    expect(identity.Account).toBe(ACCOUNT_A);
  });

  it("refreshes an expiring token once, in the process, and writes it back", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 2 * MINUTE });

    await fromProcess({ profile: "dev-anywhere" })();
    const again = await fromProcess({ profile: "dev-anywhere" })();

    // The second process found the first one's token on disk and did not refresh again.
    expect(again.accountId).toBe(ACCOUNT_A);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
    const onDisk = await readTokenFile(seeded.filepath);
    expect(onDisk?.accessToken).not.toBe(seeded.accessToken);
    expect(onDisk?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 50 * MINUTE);
  });

  itWithAwsCli("gives the AWS CLI credentials through the same profile line", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const cli = await prepareAwsCli({
      home: sandbox.home,
      configPath: sandbox.configPath,
      endpointUrl: emulator.url,
      // For our credential process, which the CLI runs with its own environment: the JS SDK
      // in it reads these (the CLI 2.9 itself ignores them and uses the rule sets instead).
      extraEnv: {
        AWS_ENDPOINT_URL_SSO: emulator.url,
        AWS_ENDPOINT_URL_SSO_OIDC: emulator.url,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      },
    });

    const result = await cli.run(
      ["sts", "get-caller-identity", "--profile", "ops-anywhere", "--output", "json"],
    );

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Account).toBe(ACCOUNT_B);
  });

  it("fails with our message, login command included, when nobody logged in", async () => {
    const error = await rejectionOf(fromProcess({ profile: "dev-anywhere" })());

    expect(error.message).toContain("no cached token");
    expect(error.message).toContain("aws sso login --sso-session my-sso");
  });
});

describe("runCredentialProcess", () => {
  it("writes one line of Version 1 JSON with the keys, token, expiration and account", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    let written = "";

    await runCredentialProcess({ profile: "dev", stdout: { write: (text) => (written += text) } });

    expect(written.endsWith("\n")).toBe(true);
    expect(written.trim().split("\n")).toHaveLength(1);
    const body = JSON.parse(written);
    expect(Object.keys(body)).toEqual([
      "Version",
      "AccessKeyId",
      "SecretAccessKey",
      "SessionToken",
      "Expiration",
      "AccountId",
    ]);
    expect(body.Version).toBe(1);
    expect(body.AccountId).toBe(ACCOUNT_A);
    expect(body.Expiration).toBe(new Date(body.Expiration).toISOString());
    const signed = await callerIdentity({
      accessKeyId: body.AccessKeyId,
      secretAccessKey: body.SecretAccessKey,
      sessionToken: body.SessionToken,
    });
    expect(signed.Account).toBe(ACCOUNT_A);
  });

  it("takes the profile from AWS_PROFILE in the environment it is given", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    let written = "";

    await runCredentialProcess({
      env: { AWS_PROFILE: "ops" },
      stdout: { write: (text) => (written += text) },
    });

    expect(JSON.parse(written).AccountId).toBe(ACCOUNT_B);
  });

  it("writes nothing when it fails", async () => {
    let written = "";

    const error = await rejectionOf(
      runCredentialProcess({ profile: "dev", stdout: { write: (text) => (written += text) } }),
    );

    expect(error.code).toBe("TOKEN_NOT_FOUND");
    expect(written).toBe("");
  });
});

describe("formatCredentialProcessOutput", () => {
  it("reads the secrets through the getters that hide them from JSON.stringify", () => {
    const credentials = new SsoRoleCredentials({
      accessKeyId: "ASIAEXAMPLE",
      secretAccessKey: "the-secret",
      sessionToken: "the-session-token",
      expiration: new Date(Date.UTC(2030, 0, 1)),
      accountId: ACCOUNT_A,
    });

    expect(JSON.parse(formatCredentialProcessOutput(credentials))).toEqual({
      Version: 1,
      AccessKeyId: "ASIAEXAMPLE",
      SecretAccessKey: "the-secret",
      SessionToken: "the-session-token",
      Expiration: "2030-01-01T00:00:00.000Z",
      AccountId: ACCOUNT_A,
    });
  });
});
