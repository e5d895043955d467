// A refresh token that is already spent (the session ended, or a process was killed after
// the service rotated it) and an expired access token: nothing can refresh the session, and
// every process must say so, promptly and with the login command. One of them asks the
// service, watches the file for another writer for a moment, and notes the refusal; the rest
// read the note under the lock and fail at once instead of queueing for the lock.
import { readFile } from "node:fs/promises";

import { CreateTokenCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  SSO_REGION,
  type Sandbox,
} from "../helpers/sandbox.js";
import { runTimedChildren } from "./raceHarness.js";

let emulator: Emulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator();
  sandbox = await createSandbox(sessionConfig(), emulator);
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});
afterAll(async () => {
  await emulator.stop();
  await sandbox.cleanup();
});

describe("8 processes on an expired token whose refresh token is spent", () => {
  it("all fail with REFRESH_FAILED and the login command; one CreateToken", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: -60_000 });
    const client = new SSOOIDCClient({ region: SSO_REGION, endpoint: emulator.url });
    await client.send(
      new CreateTokenCommand({
        grantType: "refresh_token",
        clientId: seeded.clientId,
        clientSecret: seeded.clientSecret,
        refreshToken: seeded.refreshToken,
      }),
    );
    client.destroy();
    const before = await readFile(seeded.filepath, "utf8");
    emulator.resetCounters();

    // The default lock wait (15 s) is shorter than 8 turns of a 5 s watch for another writer.
    const results = await runTimedChildren(8, sandbox.env, { profile: "dev" }, {
      startAtMs: Date.now() + 1_500,
    });

    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(result.code).toBe("REFRESH_FAILED");
      expect(result.message).toContain("invalid_grant");
      expect(result.message).toContain("aws sso login --sso-session my-sso");
    }
    expect(emulator.counters.requests.CreateToken).toBe(1);
    expect(emulator.counters.invalidGrant).toBe(1);
    expect(await readFile(seeded.filepath, "utf8")).toBe(before);
  }, 60_000);
});
