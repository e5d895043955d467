import { fromEnvSigningName, fromStatic, nodeProvider } from "@aws-sdk/token-providers";
import { chain } from "@smithy/property-provider";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { defaultTokenProvider, EnvTokenIdentity, SsoTokenIdentity } from "../../src/index.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  useSandboxEnv,
  type Sandbox,
} from "../helpers/sandbox.js";

const MINUTE = 60_000;
const ENV_KEY = "AWS_BEARER_TOKEN_CODECATALYST";
const STATIC = { token: "static-token" };

// The default profile sets only a region: no SSO configuration for a profile nobody named.
const PLAIN_DEFAULT = ["[default]", "region = us-east-1", ""].join("\n");

let emulator: Emulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(async () => {
  sandbox = await createSandbox(PLAIN_DEFAULT + sessionConfig("my-sso", "dev"), emulator);
  useSandboxEnv(sandbox);
});
afterEach(async () => {
  delete process.env[ENV_KEY];
  await sandbox.cleanup();
});

describe("defaultTokenProvider in front of the SDK's token providers", () => {
  it("serves an SSO profile itself", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    process.env.AWS_PROFILE = "dev";

    const identity = await chain(defaultTokenProvider(), nodeProvider())();

    expect(identity).toBeInstanceOf(SsoTokenIdentity);
    expect(identity.token).toBe(seeded.accessToken);
  });

  it("moves on when the default profile has no SSO configuration", async () => {
    const identity = await chain(defaultTokenProvider(), fromStatic({ token: STATIC }))();

    expect(identity).toBe(STATIC);
  });

  it("lets the SDK's own chain give the final error when nothing serves a token", async () => {
    const failure = chain(defaultTokenProvider(), nodeProvider())();

    await expect(failure).rejects.toThrow("Could not load token from any providers");
  });

  it("stops the chain when a named profile has no SSO configuration", async () => {
    const named = defaultTokenProvider({ profile: "default" });

    const failure = chain(named, fromStatic({ token: STATIC }))();

    await expect(failure).rejects.toMatchObject({ code: "PROFILE_NOT_SSO", tryNextLink: false });
  });

  it("stops the chain when the SSO session is configured but nobody logged in", async () => {
    process.env.AWS_PROFILE = "dev";

    const failure = chain(defaultTokenProvider(), fromStatic({ token: STATIC }))();

    await expect(failure).rejects.toMatchObject({
      code: "TOKEN_NOT_FOUND",
      message: expect.stringContaining("aws sso login --sso-session my-sso"),
    });
  });
});

describe("defaultTokenProvider behind the SDK's token providers", () => {
  it("serves the session when the SDK's environment provider has nothing", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });

    const identity = await chain(
      fromEnvSigningName({ signingName: "codecatalyst" }),
      defaultTokenProvider({ profile: "dev" }),
    )();

    expect(identity.token).toBe(seeded.accessToken);
  });

  it("is not asked when the SDK's environment provider has a token", async () => {
    process.env[ENV_KEY] = "from-the-environment";

    const identity = await chain(
      fromEnvSigningName({ signingName: "codecatalyst" }),
      defaultTokenProvider({ profile: "dev" }),
    )();

    expect(identity.token).toBe("from-the-environment");
    expect(identity).not.toBeInstanceOf(EnvTokenIdentity);
  });
});
