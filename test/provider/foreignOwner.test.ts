import { execFile } from "node:child_process";
import { chown, lchown, mkdir, readFile, rename, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

import { describe, expect } from "vitest";

import { fromSsoSession } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { requireTool } from "../helpers/requireTool.js";
import { seedToken, useEmulatorSandbox } from "../helpers/sandbox.js";

const run = promisify(execFile);
const MINUTE = 60_000;
const NOBODY = 65534;
const CLI = "dist/esm/cli/main.js";

const itAsRoot = requireTool(
  "root",
  process.geteuid?.() === 0,
  "tests of another user's files hand them to uid 65534, which only root can do",
);

const context = useEmulatorSandbox();

/** Gives the cache folder and file to another user, as a HOME kept by `sudo` would have them. */
async function giveCacheToNobody(filepath: string): Promise<void> {
  await chown(dirname(filepath), NOBODY, NOBODY);
  await chown(filepath, NOBODY, NOBODY);
}

describe("another user's cache files", () => {
  itAsRoot("are served while valid but never refreshed", async () => {
    const logger = captureLogger();
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: MINUTE });
    await giveCacheToNobody(seeded.filepath);

    const identity = await fromSsoSession({ profile: "dev", logger })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
    expect(logger.warnings().join("\n")).toContain(`belongs to uid ${NOBODY}, not to you`);
  });

  itAsRoot("are an error once expired, with the file left as it was", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });
    await giveCacheToNobody(seeded.filepath);
    const before = await readFile(seeded.filepath, "utf8");

    const failure = fromSsoSession({ profile: "dev" })();

    await expect(failure).rejects.toMatchObject({ code: "TOKEN_FILE_FOREIGN_OWNER" });
    await expect(failure).rejects.toThrow("Was HOME kept by sudo?");
    expect(await readFile(seeded.filepath, "utf8")).toBe(before);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
  });

  itAsRoot("include a symlink another user planted, which is not followed", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: -MINUTE });
    const victim = join(context.sandbox.home, "root-owned", "important.conf");
    await mkdir(dirname(victim), { recursive: true });
    await rename(seeded.filepath, victim);
    await symlink(victim, seeded.filepath);
    await lchown(seeded.filepath, NOBODY, NOBODY);
    const before = await readFile(victim, "utf8");

    await expect(fromSsoSession({ profile: "dev" })()).rejects.toMatchObject({
      code: "TOKEN_FILE_FOREIGN_OWNER",
    });

    const login = await run(
      process.execPath,
      [CLI, "login", "--profile", "dev", "--use-device-code", "--no-browser"],
      { env: context.sandbox.env },
    ).catch((error: { code: number; stderr: string }) => error);
    expect((login as { code: number }).code).toBe(1);
    expect((login as { stderr: string }).stderr).toContain(`belongs to uid ${NOBODY}, not to you`);
    expect(await readFile(victim, "utf8")).toBe(before);
    expect(context.emulator.counters.requests.RegisterClient).toBe(0);
  });
});
