// A CreateToken whose connection never answers must not hold the session's lock for ever:
// the request gives up after its timeout (half of `lockStaleMs`, at least 5 s), the process
// fails with a clear error, releases the lock, and prints nothing of the SDK's own.
import { stat } from "node:fs/promises";
import { createServer, type Socket } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { createSandbox, seedToken, sessionConfig, type Sandbox } from "../helpers/sandbox.js";
import { startProviderChild } from "./raceHarness.js";

let emulator: Emulator;
let sandbox: Sandbox;
const sockets: Socket[] = [];
const blackhole = createServer((socket) => {
  sockets.push(socket);
  socket.on("error", () => undefined);
});

beforeAll(async () => {
  emulator = await startEmulator();
  sandbox = await createSandbox(sessionConfig(), emulator);
  await new Promise<void>((resolve) => blackhole.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  sockets.forEach((socket) => socket.destroy());
  await new Promise((resolve) => blackhole.close(resolve));
  await emulator.stop();
  await sandbox.cleanup();
});

describe("a CreateToken that never answers", () => {
  it("times out, fails with REFRESH_FAILED and releases the lock", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: -60_000 });
    const { port } = blackhole.address() as { port: number };
    const env = { ...sandbox.env, AWS_ENDPOINT_URL_SSO_OIDC: `http://127.0.0.1:${port}` };

    const result = await startProviderChild(env, {
      profile: "dev",
      lockStaleMs: 2_000,
      clientConfig: { maxAttempts: 1 },
    }).result;

    expect(result.ok).toBe(false);
    expect(result.code).toBe("REFRESH_FAILED");
    expect(result.message).toContain("could not reach SSO OIDC");
    expect(result.stderr).toBe("");
    expect(sockets).toHaveLength(1);
    await expect(stat(`${seeded.filepath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
