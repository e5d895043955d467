import {
  lstat,
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { fromSsoSession } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { canMakeImmutable, makeImmutable } from "../helpers/immutable.js";
import { requireTool } from "../helpers/requireTool.js";
import { seedToken, useEmulatorSandbox } from "../helpers/sandbox.js";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

const context = useEmulatorSandbox();

function provider(extra: Parameters<typeof fromSsoSession>[0] = {}) {
  return fromSsoSession({
    profile: "dev",
    now: () => NOW,
    clientConfig: { endpoint: context.emulator.url, maxAttempts: 1 },
    ...extra,
  });
}

/** Moves the seeded cache file to `elsewhere/` and leaves a symlink in its place. */
async function symlinkCacheFile(filepath: string): Promise<string> {
  const target = join(context.sandbox.home, "elsewhere", "token.json");
  await mkdir(dirname(target), { recursive: true });
  await rename(filepath, target);
  await symlink(target, filepath);
  return target;
}

describe("fromSsoSession and the cache file on disk", () => {
  it("writes a symlinked cache file's target and keeps the link", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    const target = await symlinkCacheFile(seeded.filepath);

    const identity = await provider()();

    expect((await lstat(seeded.filepath)).isSymbolicLink()).toBe(true);
    expect(JSON.parse(await readFile(target, "utf8")).accessToken).toBe(identity.token);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it("sweeps temporary files left by killed writers while it holds the lock", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    const cacheDir = dirname(seeded.filepath);
    const leftover = join(cacheDir, ".x.json.4242.0123456789ab.tmp");
    await writeFile(leftover, "{");
    const anHourAgo = new Date(Date.now() - 60 * MINUTE);
    await utimes(leftover, anHourAgo, anHourAgo);

    await provider()();

    await expect(stat(leftover)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("says there is no token when the cache folder does not exist", async () => {
    await rm(join(context.sandbox.home, ".aws", "sso"), { recursive: true, force: true });

    await expect(provider()()).rejects.toMatchObject({ code: "TOKEN_NOT_FOUND" });
  });

  it("still writes when its lock was taken over during CreateToken but nobody wrote", async () => {
    // The process that took the lock over read the refresh token CreateToken just spent: it
    // can only get invalid_grant, so not writing would lose the session for everyone.
    const logger = captureLogger();
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    context.emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 2500 });

    const pending = provider({ logger, lockStaleMs: 2000 })();
    await sleep(300);
    await rm(`${seeded.filepath}.lock`, { recursive: true, force: true });
    const identity = await pending;

    expect(identity.token).not.toBe(seeded.accessToken);
    const record = JSON.parse(await readFile(seeded.filepath, "utf8"));
    expect(record.accessToken).toBe(identity.token);
    expect(context.emulator.isRefreshTokenValid(record.refreshToken)).toBe(true);
    expect(logger.warnings()).toEqual([]);
    expect(logger.all()).toContain("was taken over while CreateToken ran");
  });

  it("keeps a login written while its lock was taken over during CreateToken", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    context.emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 2500 });

    const pending = provider({ logger, lockStaleMs: 2000 })();
    await sleep(300);
    await rm(`${seeded.filepath}.lock`, { recursive: true, force: true });
    const login = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 60 * MINUTE,
    });
    const written = await readFile(seeded.filepath, "utf8");
    const identity = await pending;

    expect(identity.token).toBe(login.accessToken);
    expect(await readFile(seeded.filepath, "utf8")).toBe(written);
    expect(context.emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
  });
});

describe("fromSsoSession with a file where the lock folder goes", () => {
  // proper-lockfile finds an old file at `<file>.lock`, takes it for a stale lock, and fails
  // to remove it as a folder (ENOTDIR). Refreshing in memory would spend the refresh token.
  async function plantLockFile(filepath: string): Promise<void> {
    await writeFile(`${filepath}.lock`, "not a lock\n");
    const old = new Date(Date.now() - 10 * MINUTE);
    await utimes(`${filepath}.lock`, old, old);
  }

  it("fails an expired token with REFRESH_FAILED naming the file, sending nothing", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: -MINUTE,
    });
    await plantLockFile(seeded.filepath);

    const thrown = (await provider({ lockTimeoutMs: 2000 })().catch((e: unknown) => e)) as {
      code?: string;
      message: string;
    };

    expect(thrown.code).toBe("REFRESH_FAILED");
    expect(thrown.message).toContain(`${seeded.filepath}.lock exists but is not a folder`);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
    expect(context.emulator.isRefreshTokenValid(seeded.refreshToken)).toBe(true);
  });

  it("serves a token inside the refresh window, with a warning", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: MINUTE,
    });
    await plantLockFile(seeded.filepath);

    const identity = await provider({ logger })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
    expect(logger.warnings().join("\n")).toContain("is not a folder");
  });
});

const itWithImmutable = requireTool(
  "chattr +i",
  canMakeImmutable(),
  "tests of failed writes make a folder immutable (root on ext4)",
);

describe("fromSsoSession when the disk refuses", () => {
  itWithImmutable(
    "returns a refreshed token whose write failed, warns, and serves it from memory",
    async () => {
      const logger = captureLogger();
      const seeded = await seedToken(context.emulator, context.sandbox, {
        nowMs: NOW,
        expiresInMs: MINUTE,
      });
      const target = await symlinkCacheFile(seeded.filepath);
      const before = await readFile(target, "utf8");
      const undo = makeImmutable(dirname(target));
      try {
        const tokens = provider({ logger });
        const first = await tokens();
        const second = await tokens();

        expect(first.token).not.toBe(seeded.accessToken);
        expect(second.token).toBe(first.token);
        expect(context.emulator.counters.requests.CreateToken).toBe(1);
        expect(await readFile(target, "utf8")).toBe(before);
        const warning = logger.warnings().join("\n");
        expect(warning).toContain(seeded.filepath);
        expect(warning).toContain("EPERM");
        expect(warning).toContain("other processes will have to log in again");
        expect(warning).not.toContain(first.token);
      } finally {
        undo();
      }
    },
  );

  itWithImmutable(
    "serves a valid token without refreshing when the lock cannot be created",
    async () => {
      const logger = captureLogger();
      const seeded = await seedToken(context.emulator, context.sandbox, {
        nowMs: NOW,
        expiresInMs: MINUTE,
      });
      const undo = makeImmutable(dirname(seeded.filepath));
      try {
        const identity = await provider({ logger })();

        expect(identity.token).toBe(seeded.accessToken);
        expect(context.emulator.counters.requests.CreateToken).toBe(0);
        const warning = logger.warnings().join("\n");
        expect(warning).toContain(`cannot lock ${seeded.filepath}`);
        // The folder the lock goes in, not the file: the folder is what refused.
        const folder = dirname(seeded.filepath);
        const mode = ((await stat(folder)).mode & 0o777).toString(8).padStart(4, "0");
        expect(warning).toContain(
          `${folder} is owned by uid ${process.getuid!()} with mode ${mode}`,
        );
      } finally {
        undo();
      }
    },
  );

  itWithImmutable(
    "refreshes an expired token in memory only when the lock cannot be created",
    async () => {
      const logger = captureLogger();
      const seeded = await seedToken(context.emulator, context.sandbox, {
        nowMs: NOW,
        expiresInMs: -MINUTE,
      });
      const before = await readFile(seeded.filepath, "utf8");
      const undo = makeImmutable(dirname(seeded.filepath));
      try {
        const identity = await provider({ logger })();

        expect(identity.token).not.toBe(seeded.accessToken);
        expect(await readFile(seeded.filepath, "utf8")).toBe(before);
        expect(logger.warnings().join("\n")).toContain("other processes will have to log in again");
      } finally {
        undo();
      }
    },
  );
});
