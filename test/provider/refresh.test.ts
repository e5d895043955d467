import { readFile, stat } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { fromSsoSession } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { seedToken, useEmulatorSandbox } from "../helpers/sandbox.js";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

const context = useEmulatorSandbox({ emulator: { accessTokenLifetimeSeconds: 3600 } });

function provider(extra: Parameters<typeof fromSsoSession>[0] = {}) {
  return fromSsoSession({
    profile: "dev",
    now: () => NOW,
    clientConfig: { endpoint: context.emulator.url },
    ...extra,
  });
}

function createTokenCalls(): number {
  return context.emulator.counters.requests.CreateToken;
}

async function readRecord(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, "utf8"));
}

describe("fromSsoSession outside the refresh window", () => {
  it("returns the cached token with its expiration and sends no CreateToken", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 30 * MINUTE,
    });

    const identity = await provider()();

    expect(identity.token).toBe(seeded.accessToken);
    expect(identity.expiration).toEqual(seeded.expiresAt);
    expect(createTokenCalls()).toBe(0);
    await expect(stat(`${seeded.filepath}.lock`)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reports expiration earlier by how much the refresh window exceeds the SDK's 5 minutes", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 30 * MINUTE,
    });

    const identity = await provider({ refreshWindowMs: 15 * MINUTE })();

    expect(identity.expiration.getTime()).toBe(seeded.expiresAt.getTime() - 10 * MINUTE);
    expect(createTokenCalls()).toBe(0);
  });

  it("refreshes inside a longer refresh window", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 12 * MINUTE,
    });

    const identity = await provider({ refreshWindowMs: 15 * MINUTE })();

    expect(identity.token).not.toBe(seeded.accessToken);
    expect(createTokenCalls()).toBe(1);
  });
});

describe("fromSsoSession inside the refresh window", () => {
  it("refreshes once, writes the CLI's format with mode 0600 and keeps unknown fields in order", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 2 * MINUTE,
      extra: { myTool: { keep: true }, zeta: 1 },
    });
    const before = await readRecord(seeded.filepath);

    const identity = await provider()();

    const after = await readRecord(seeded.filepath);
    expect(createTokenCalls()).toBe(1);
    expect(context.emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
    expect(identity.token).not.toBe(seeded.accessToken);
    expect(after.accessToken).toBe(identity.token);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after.myTool).toEqual({ keep: true });
    expect(after.zeta).toBe(1);
    expect(after.clientId).toBe(before.clientId);
    expect(after.registrationExpiresAt).toBe(before.registrationExpiresAt);
    // Counted from when the request was sent, by the injected clock: NOW + 3600 s.
    expect(after.expiresAt).toBe("2026-12-03T13:00:00Z");
    expect(identity.expiration.toISOString()).toBe("2026-12-03T13:00:00.000Z");
    expect((await stat(seeded.filepath)).mode & 0o777).toBe(0o600);
  });

  it("leaves on disk a rotated refresh token that the service accepts", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });

    await provider()();

    const after = await readRecord(seeded.filepath);
    expect(after.refreshToken).not.toBe(seeded.refreshToken);
    expect(context.emulator.isRefreshTokenValid(after.refreshToken as string)).toBe(true);
    expect(context.emulator.isRefreshTokenValid(seeded.refreshToken)).toBe(false);
  });

  it("refreshes an expired token", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: -MINUTE,
    });

    const identity = await provider()();

    expect(identity.token).not.toBe(seeded.accessToken);
    expect(identity.expiration.getTime()).toBeGreaterThan(NOW);
  });

  it("keeps the old refresh token when the response carries none", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    context.emulator.injectFault({ operation: "CreateToken", fault: "no_refresh_token" });

    const identity = await provider()();

    const after = await readRecord(seeded.filepath);
    expect(after.accessToken).toBe(identity.token);
    expect(after.refreshToken).toBe(seeded.refreshToken);
  });

  it("refreshes when registrationExpiresAt is missing", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
      registrationExpiresAt: null,
    });

    const identity = await provider()();

    expect(identity.token).not.toBe(seeded.accessToken);
    expect(Object.keys(await readRecord(seeded.filepath))).not.toContain("registrationExpiresAt");
  });

  it("shares one CreateToken between concurrent calls in one process", async () => {
    await seedToken(context.emulator, context.sandbox, { nowMs: NOW, expiresInMs: -MINUTE });
    const tokens = provider();

    const identities = await Promise.all(Array.from({ length: 10 }, () => tokens()));

    expect(new Set(identities.map((identity) => identity.token)).size).toBe(1);
    expect(createTokenCalls()).toBe(1);
  });

  it("refreshes a valid token when the caller passes forceRefresh", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 50 * MINUTE,
    });

    const identity = await provider()({ forceRefresh: true });

    expect(identity.token).not.toBe(seeded.accessToken);
    expect(createTokenCalls()).toBe(1);
  });

  it("reads the legacy UTC suffix and refreshes from it", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
      extra: { expiresAt: "2026-12-03T12:01:00UTC" },
    });

    const identity = await provider()();

    expect(identity.token).not.toBe(seeded.accessToken);
    expect((await readRecord(seeded.filepath)).expiresAt).toBe("2026-12-03T13:00:00Z");
  });
});

describe("fromSsoSession when the registration has expired", () => {
  it("serves a still-valid token and warns that it cannot be refreshed", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 2 * MINUTE,
      registrationExpiresAt: new Date(NOW - MINUTE),
    });

    const identity = await provider({ logger })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(createTokenCalls()).toBe(0);
    expect(logger.warnings().join("\n")).toMatch(/client registration .* expired/);
  });

  it("throws REGISTRATION_EXPIRED naming the login command once the token has expired", async () => {
    await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: -MINUTE,
      registrationExpiresAt: new Date(NOW - MINUTE),
    });

    const failure = provider()();

    await expect(failure).rejects.toMatchObject({
      code: "REGISTRATION_EXPIRED",
      tryNextLink: false,
    });
    await expect(failure).rejects.toThrow("aws sso login --sso-session my-sso");
    expect(createTokenCalls()).toBe(0);
  });
});
