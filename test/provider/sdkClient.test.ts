import { CodeCatalystClient, ListSpacesCommand } from "@aws-sdk/client-codecatalyst";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { fromSsoSession } from "../../src/index.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  useSandboxEnv,
  type Sandbox,
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
  sandbox = await createSandbox(sessionConfig("work", "builder"), emulator);
  useSandboxEnv(sandbox);
  emulator.resetCounters();
});
afterEach(async () => {
  await sandbox.cleanup();
});

describe("fromSsoSession in a real bearer-token SDK client", () => {
  it("gets the client's profile and a refreshed token that the service accepts", async () => {
    const seeded = await seedToken(emulator, sandbox, { key: "work", expiresInMs: MINUTE });
    // Only a refreshed token can work now: the cached one is no longer valid at the service.
    emulator.revokeAccessToken(seeded.accessToken);
    const client = new CodeCatalystClient({
      region: "us-west-2",
      profile: "builder",
      endpoint: emulator.url,
      token: fromSsoSession({ clientConfig: { endpoint: emulator.url } }),
    });

    const spaces = await client.send(new ListSpacesCommand({}));

    expect(spaces.items?.length).toBeGreaterThan(0);
    expect(emulator.counters.requests.CreateToken).toBe(1);
    client.destroy();
  });

  it("shows no token in what util.inspect and JSON.stringify print of an identity", async () => {
    const seeded = await seedToken(emulator, sandbox, { key: "work", expiresInMs: 30 * MINUTE });
    const tokens = fromSsoSession({ profile: "builder" });

    const identity = await tokens();

    expect(identity.token).toBe(seeded.accessToken);
    const shown = [inspect(identity), JSON.stringify(identity), String(identity), inspect(tokens)];
    for (const text of shown) expect(text).not.toContain(seeded.accessToken);
    expect(JSON.parse(JSON.stringify(identity)).token).toBe("[redacted]");
  });
});
