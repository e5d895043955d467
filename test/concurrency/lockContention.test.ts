// What the session lock makes of errors other than "held": only a lock that can never be
// created here (no permission, read-only) is "unavailable", which lets the provider refresh in
// memory only and so spend the refresh token that every process shares. Anything else is
// contention and is retried until the deadline: proper-lockfile takes a stale lock over in two
// steps, so processes taking it over at once can remove each other's fresh folder (ENOENT).
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { acquireSessionLock } from "../../src/lock/index.js";

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "sso-token-provider-lock-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("acquireSessionLock and ENOENT", () => {
  it("retries while the lock's folder is missing, and locks once it exists", async () => {
    const cacheDir = join(folder, "appears-later");
    const filepath = join(cacheDir, "token.json");
    setTimeout(() => void mkdir(cacheDir), 300);

    const lock = await acquireSessionLock(filepath, {
      timeoutMs: 10_000,
      staleMs: 2_000,
      purpose: "refresh",
    });

    expect(lock.compromised).toBe(false);
    await lock.release();
  });

  it("reports contention, not an unavailable lock, when the wait ends on ENOENT", async () => {
    const filepath = join(folder, "never", "token.json");

    const failure = acquireSessionLock(filepath, {
      timeoutMs: 0,
      staleMs: 2_000,
      purpose: "refresh",
    });

    await expect(failure).rejects.toMatchObject({ reason: "busy", cause: { code: "ENOENT" } });
  });
});
