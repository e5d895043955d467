import {
  chmod,
  mkdir,
  readdir,
  readFile,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";

import { describe, expect, it } from "vitest";

import {
  ensureCacheDir,
  isTempFileName,
  removeTokenFile,
  sweepStaleTempFiles,
  tempFileName,
} from "../../src/cache/index.js";

import { join, useTempDirs } from "./tempDirs.js";

const tempDir = useTempDirs();
const posixOnly = it.skipIf(process.platform === "win32");
const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe(sweepStaleTempFiles.name, () => {
  const NOW_MS = Date.UTC(2026, 11, 3, 12);
  const HOUR_S = 3600;

  async function touch(path: string, ageSeconds: number): Promise<void> {
    await writeFile(path, "x");
    const time = NOW_MS / 1000 - ageSeconds;
    await utimes(path, time, time);
  }

  it("removes only our temporary files older than the limit", async () => {
    const dir = await tempDir();
    const oldOurs = tempFileName("0ad374308c5a4e22f723adf10145eafad7c4031c.json");
    const freshOurs = tempFileName("0ad374308c5a4e22f723adf10145eafad7c4031c.json");
    await touch(join(dir, oldOurs), 2 * HOUR_S);
    await touch(join(dir, freshOurs), 10);
    const others = [
      "0ad374308c5a4e22f723adf10145eafad7c4031c.json",
      ".0ad3.json.tmp",
      ".x.json.123.NOTHEXNOTHEX.tmp",
      ".x.json.123.abcdef012345.tmp.json",
      "x.json.123.abcdef012345.tmp",
      "tmpabc123.tmp",
    ];
    for (const name of others) await touch(join(dir, name), 2 * HOUR_S);
    // A folder named like ours (a lock folder, say) is not a file we wrote.
    await mkdir(join(dir, ".y.json.1.abcdef012345.tmp"));

    const removed = await sweepStaleTempFiles(dir, HOUR_S * 1000, NOW_MS);

    expect(removed).toBe(1);
    const left = (await readdir(dir)).sort();
    expect(left).toEqual([...others, freshOurs, ".y.json.1.abcdef012345.tmp"].sort());
  });

  it("returns 0 for a missing folder", async () => {
    expect(await sweepStaleTempFiles(join(await tempDir(), "none"), 0)).toBe(0);
  });

  it("names temp files so that the sweeper knows them and no tool takes them for JSON", () => {
    const name = tempFileName("abc.json");
    expect(name).toMatch(new RegExp(`^\\.abc\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
    expect(isTempFileName(name)).toBe(true);
    expect(name.endsWith(".json")).toBe(false);
    expect(tempFileName("abc.json")).not.toBe(name);
  });
});

describe(ensureCacheDir.name, () => {
  posixOnly("creates the folder and its parents with mode 0700", async () => {
    const home = await tempDir();
    const previous = process.umask(0o077);
    try {
      await ensureCacheDir(join(home, ".aws", "sso", "cache"));
    } finally {
      process.umask(previous);
    }

    expect(await modeOf(join(home, ".aws"))).toBe(0o700);
    expect(await modeOf(join(home, ".aws", "sso"))).toBe(0o700);
    expect(await modeOf(join(home, ".aws", "sso", "cache"))).toBe(0o700);
  });

  posixOnly("never changes an existing folder", async () => {
    const home = await tempDir();
    await mkdir(join(home, ".aws"));
    await chmod(join(home, ".aws"), 0o755);
    await mkdir(join(home, "cache"));
    await chmod(join(home, "cache"), 0o750);

    await ensureCacheDir(join(home, ".aws", "sso", "cache"));
    await ensureCacheDir(join(home, "cache"));

    expect(await modeOf(join(home, ".aws"))).toBe(0o755);
    expect(await modeOf(join(home, ".aws", "sso"))).toBe(0o700);
    expect(await modeOf(join(home, "cache"))).toBe(0o750);
  });

  it("fails when a file is in the way", async () => {
    const home = await tempDir();
    await writeFile(join(home, ".aws"), "not a folder");
    await expect(ensureCacheDir(join(home, ".aws", "sso", "cache"))).rejects.toMatchObject({
      code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/),
    });
  });
});

describe(removeTokenFile.name, () => {
  it("removes a file and says so; a missing one is fine", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{}");

    expect(await removeTokenFile(file)).toBe(true);
    expect(await removeTokenFile(file)).toBe(false);
    expect(await removeTokenFile(join(file, "..", "no", "t.json"))).toBe(false);
  });

  posixOnly("removes a link itself and leaves its target, like os.remove", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "real.json"), "{}");
    await symlink("real.json", join(dir, "t.json"));

    expect(await removeTokenFile(join(dir, "t.json"))).toBe(true);
    expect(await readdir(dir)).toEqual(["real.json"]);
    expect(await readFile(join(dir, "real.json"), "utf8")).toBe("{}");
  });
});
