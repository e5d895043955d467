import { createCredentialChain, fromEnv, fromIni } from "@aws-sdk/credential-providers";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import {
  defaultCredentialProvider,
  fromSsoRoleCredentials,
  SsoRoleCredentials,
} from "../../src/index.js";
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

const EXTRA_PROFILES = [
  "[profile static]",
  "aws_access_key_id = AKIASTATICEXAMPLE",
  "aws_secret_access_key = static-secret",
  "",
  "[profile mixed]",
  "sso_session = my-sso",
  `sso_account_id = ${ACCOUNT_A}`,
  "sso_role_name = ReadOnly",
  "aws_access_key_id = AKIAMIXEDEXAMPLE",
  "aws_secret_access_key = mixed-secret",
  "",
  "[profile assumed]",
  "role_arn = arn:aws:iam::444455556666:role/Admin",
  "source_profile = dev",
  "region = us-east-1",
];

let emulator: Emulator;
let sandbox: Sandbox;
let restoreEnv: () => void;

beforeEach(async () => {
  emulator = await startEmulator({ accounts: ACCOUNTS });
  sandbox = await createSandbox(rolesConfig(...EXTRA_PROFILES), emulator);
  useSandboxEnv(sandbox);
  restoreEnv = useEmulatorEnv(emulator.url);
});
afterEach(async () => {
  restoreEnv();
  await emulator.stop();
  await sandbox.cleanup();
});

describe("defaultCredentialProvider", () => {
  it("serves an SSO profile through our provider, in a real STS client", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    process.env.AWS_PROFILE = "ops";
    const provider = defaultCredentialProvider();

    const identity = await callerIdentity(provider);

    expect(identity.Account).toBe(ACCOUNT_B);
    expect(await provider()).toBeInstanceOf(SsoRoleCredentials);
  });

  it("gives each client profile its own credentials through one provider", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = defaultCredentialProvider();

    const dev = await callerIdentity(provider, "dev");
    const ops = await callerIdentity(provider, "ops");

    expect([dev.Account, ops.Account]).toEqual([ACCOUNT_A, ACCOUNT_B]);
  });

  it("takes the environment's keys first when no profile is named", async () => {
    process.env.AWS_ACCESS_KEY_ID = "AKIAENVEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "env-secret";

    const credentials = await defaultCredentialProvider()();

    expect(credentials.accessKeyId).toBe("AKIAENVEXAMPLE");
    expect(emulator.counters.requests.GetRoleCredentials).toBe(0);
  });

  it("skips the environment's keys when AWS_PROFILE names a profile, as the SDK does", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    process.env.AWS_ACCESS_KEY_ID = "AKIAENVEXAMPLE";
    process.env.AWS_SECRET_ACCESS_KEY = "env-secret";
    process.env.AWS_PROFILE = "dev";

    const credentials = await defaultCredentialProvider()();

    expect(credentials.accountId).toBe(ACCOUNT_A);
  });

  it("leaves a profile with static keys to the SDK's fromIni", async () => {
    const credentials = await defaultCredentialProvider({ profile: "static" })();

    expect(credentials.accessKeyId).toBe("AKIASTATICEXAMPLE");
  });

  it("leaves an SSO profile with static keys to the SDK, which prefers the keys", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const credentials = await defaultCredentialProvider({ profile: "mixed" })();

    expect(credentials.accessKeyId).toBe("AKIAMIXEDEXAMPLE");
    expect(emulator.counters.requests.GetRoleCredentials).toBe(0);
  });

  it("leaves a role assumed through an SSO source_profile to the SDK's own SSO path", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const error = await rejectionOf(defaultCredentialProvider({ profile: "assumed" })());

    // The SDK fetched the source profile's role credentials itself, then called AssumeRole,
    // which the emulator does not serve.
    expect(emulator.counters.requests.GetRoleCredentials).toBe(1);
    expect(error.message).toContain("Only GetCallerIdentity is emulated");
  });

  it("stops with our message when an SSO profile cannot be served", async () => {
    const error = await rejectionOf(defaultCredentialProvider({ profile: "dev" })());

    expect(error.code).toBe("TOKEN_NOT_FOUND");
    expect(error.message).toContain("aws sso login --sso-session my-sso");
  });

  it("says why each provider was skipped when none has credentials", async () => {
    const error = await rejectionOf(defaultCredentialProvider({ profile: "missing" })());

    expect(error.code).toBe("CREDENTIALS_FAILED");
    expect(error.tryNextLink).toBe(false);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("Could not load credentials from any provider of the default chain:");
    expect(lines.slice(1).map((line: string) => line.split(":")[0])).toEqual([
      "- environment",
      "- SSO profile",
      "- shared files",
      "- credential_process",
      "- web identity",
      "- container or instance metadata",
    ]);
  });
});

describe("fromSsoRoleCredentials in a chain built with createCredentialChain", () => {
  const userChain = () =>
    createCredentialChain(fromEnv(), fromSsoRoleCredentials({ ssoProfilesOnly: true }), fromIni());

  it("serves the SSO profile the client names", async () => {
    await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const identity = await callerIdentity(userChain(), "ops");

    expect(identity.Account).toBe(ACCOUNT_B);
  });

  it("passes a profile with static keys on to fromIni", async () => {
    process.env.AWS_PROFILE = "static";

    const credentials = await userChain()();

    expect(credentials.accessKeyId).toBe("AKIASTATICEXAMPLE");
  });
});
