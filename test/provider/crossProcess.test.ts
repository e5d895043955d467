import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { newTokenRecord } from "../../src/cache/index.js";
import { fromSsoSession } from "../../src/index.js";
import { holdLockInAnotherProcess } from "../helpers/lockHolder.js";
import { runProviderChildren } from "../helpers/runChildren.js";
import { seedToken, SSO_REGION, START_URL, useEmulatorSandbox } from "../helpers/sandbox.js";

const MINUTE = 60_000;

const context = useEmulatorSandbox();

describe("fromSsoSession across processes", () => {
  it("8 processes on an expired token share one CreateToken and get the same token", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });

    const results = await runProviderChildren(8, context.sandbox.env, { profile: "dev" });

    expect(results.map((result) => result.ok)).toEqual(Array(8).fill(true));
    expect(new Set(results.map((result) => result.digest)).size).toBe(1);
    expect(context.emulator.counters.requests.CreateToken).toBe(1);
    expect(context.emulator.counters.invalidGrant).toBe(0);
    const onDisk = JSON.parse(await readFile(seeded.filepath, "utf8"));
    expect(context.emulator.isRefreshTokenValid(onDisk.refreshToken)).toBe(true);
  });

  it("finds the profile through AWS_PROFILE and the endpoint through AWS_ENDPOINT_URL_SSO_OIDC", async () => {
    await seedToken(context.emulator, context.sandbox, { expiresInMs: MINUTE });

    const [result] = await runProviderChildren(1, { ...context.sandbox.env, AWS_PROFILE: "dev" });

    expect(result.ok).toBe(true);
    expect(context.emulator.counters.requests.CreateToken).toBe(1);
  });

  it("uses the token another process wrote while it waited for the lock", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });
    const holder = await holdLockInAnotherProcess(seeded.filepath, context.sandbox.env);

    const pending = fromSsoSession({ profile: "dev", lockTimeoutMs: 10_000 })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const fresh = context.emulator.issueSession({ scopes: ["sso:account:access"] });
    await holder.finish(
      newTokenRecord({
        startUrl: START_URL,
        region: SSO_REGION,
        accessToken: fresh.accessToken,
        expiresAt: new Date(Date.now() + 60 * MINUTE),
        clientId: fresh.clientId,
        clientSecret: fresh.clientSecret,
        registrationExpiresAt: fresh.registrationExpiresAt,
        refreshToken: fresh.refreshToken,
      }),
    );
    const identity = await pending;

    expect(identity.token).toBe(fresh.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
  });

  it("says a login is in progress when a login holds the lock and no valid token remains", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });
    const holder = await holdLockInAnotherProcess(seeded.filepath, context.sandbox.env, "login");

    const failure = fromSsoSession({ profile: "dev", lockTimeoutMs: 500 })();

    await expect(failure).rejects.toMatchObject({ code: "LOGIN_IN_PROGRESS" });
    await expect(failure).rejects.toThrow("a login for it is in progress");
    await holder.finish();
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
  });

  it("does not call a killed login's leftover marker a login in progress", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });
    const holder = await holdLockInAnotherProcess(seeded.filepath, context.sandbox.env);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(`${seeded.filepath}.login`, `${gone}\n`);

    const failure = fromSsoSession({ profile: "dev", lockTimeoutMs: 500 })();

    await expect(failure).rejects.toMatchObject({ code: "LOCK_TIMEOUT" });
    await holder.finish();
  });

  it("serves a still-valid token at once while a login holds the lock", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: 2 * MINUTE });
    const holder = await holdLockInAnotherProcess(seeded.filepath, context.sandbox.env, "login");

    const identity = await fromSsoSession({ profile: "dev", lockTimeoutMs: 60_000 })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
    await holder.finish();
  });
});
