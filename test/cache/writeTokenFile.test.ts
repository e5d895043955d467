import {
  chmod,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  stat,
  symlink,
  writeFile,
} from "node:fs/promises";

import { describe, expect, it } from "vitest";

import {
  isTempFileName,
  mergeRefreshedToken,
  readTokenFile,
  writeTokenFile,
} from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";

import { cliRecord, cliText, join, useTempDirs } from "./tempDirs.js";

const tempDir = useTempDirs();
const posixOnly = it.skipIf(process.platform === "win32");

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

async function withUmask<T>(umask: number, body: () => Promise<T>): Promise<T> {
  const previous = process.umask(umask);
  try {
    return await body();
  } finally {
    process.umask(previous);
  }
}

describe(writeTokenFile.name, () => {
  it("writes the record in the AWS CLI's form and returns the path", async () => {
    const dir = await tempDir();
    const file = join(dir, "t.json");

    const written = await writeTokenFile(file, cliRecord());

    expect(written).toBe(file);
    expect(await readFile(file, "utf8")).toBe(cliText(cliRecord()));
    expect(await readdir(dir)).toEqual(["t.json"]);
  });

  posixOnly("creates a new file with mode 0600 whatever the umask", async () => {
    const dir = await tempDir();

    await withUmask(0o277, () => writeTokenFile(join(dir, "a.json"), cliRecord()));
    await withUmask(0o000, () => writeTokenFile(join(dir, "b.json"), cliRecord()));

    expect(await modeOf(join(dir, "a.json"))).toBe(0o600);
    expect(await modeOf(join(dir, "b.json"))).toBe(0o600);
  });

  posixOnly("uses the mode option for a new file", async () => {
    const file = join(await tempDir(), "t.json");
    await writeTokenFile(file, cliRecord(), { mode: 0o640 });
    expect(await modeOf(file)).toBe(0o640);
  });

  posixOnly("narrows a looser existing mode to 0600", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{}", { mode: 0o644 });
    await chmod(file, 0o644);

    await writeTokenFile(file, cliRecord());
    expect(await modeOf(file)).toBe(0o600);
  });

  posixOnly("keeps a narrower existing mode (0400 stays 0400)", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{}");
    await chmod(file, 0o400);

    await writeTokenFile(file, cliRecord());

    expect(await modeOf(file)).toBe(0o400);
    expect((await readTokenFile(file))?.accessToken).toBe("aoa-SECRET-access");
  });

  posixOnly("does not keep a mode the owner could not read (0200)", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{}");
    await chmod(file, 0o200);

    await writeTokenFile(file, cliRecord());
    expect(await modeOf(file)).toBe(0o600);
  });

  posixOnly("writes through a symbolic link and keeps the link", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "cache"));
    await mkdir(join(dir, "dotfiles"));
    await writeFile(join(dir, "dotfiles", "t.json"), cliText(cliRecord({ accessToken: "old" })));
    await symlink("../dotfiles/t.json", join(dir, "cache", "t.json"));

    const written = await writeTokenFile(join(dir, "cache", "t.json"), cliRecord());

    expect(written).toBe(join(dir, "dotfiles", "t.json"));
    expect((await lstat(join(dir, "cache", "t.json"))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(dir, "cache", "t.json"))).toBe("../dotfiles/t.json");
    expect(await readFile(written, "utf8")).toBe(cliText(cliRecord()));
    expect(await readdir(join(dir, "cache"))).toEqual(["t.json"]);
    expect(await readdir(join(dir, "dotfiles"))).toEqual(["t.json"]);
  });

  posixOnly("follows a chain of links", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "real.json"), "{}");
    await symlink("real.json", join(dir, "b.json"));
    await symlink(join(dir, "b.json"), join(dir, "a.json"));

    const written = await writeTokenFile(join(dir, "a.json"), cliRecord());

    expect(written).toBe(join(dir, "real.json"));
    expect((await lstat(join(dir, "a.json"))).isSymbolicLink()).toBe(true);
    expect((await lstat(join(dir, "b.json"))).isSymbolicLink()).toBe(true);
    expect((await readTokenFile(join(dir, "a.json")))?.accessToken).toBe("aoa-SECRET-access");
  });

  posixOnly("writes the target of a dangling link, creating its folder 0700", async () => {
    const dir = await tempDir();
    await symlink(join(dir, "elsewhere", "deep", "t.json"), join(dir, "t.json"));

    const written = await writeTokenFile(join(dir, "t.json"), cliRecord());

    expect(written).toBe(join(dir, "elsewhere", "deep", "t.json"));
    expect((await lstat(join(dir, "t.json"))).isSymbolicLink()).toBe(true);
    expect(await modeOf(join(dir, "elsewhere"))).toBe(0o700);
    expect(await modeOf(join(dir, "elsewhere", "deep"))).toBe(0o700);
    expect(await readFile(written, "utf8")).toBe(cliText(cliRecord()));
  });

  posixOnly("returns the real path when the cache folder is a link", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "real-cache"));
    await symlink("real-cache", join(dir, "cache"));

    const written = await writeTokenFile(join(dir, "cache", "t.json"), cliRecord());

    expect(written).toBe(join(dir, "real-cache", "t.json"));
    expect(await readdir(join(dir, "real-cache"))).toEqual(["t.json"]);
  });

  posixOnly("refuses a loop of links and writes nothing", async () => {
    const dir = await tempDir();
    await symlink("b.json", join(dir, "a.json"));
    await symlink("a.json", join(dir, "b.json"));

    const error = await writeTokenFile(join(dir, "a.json"), cliRecord()).catch((e) => e);

    expect(error).toBeInstanceOf(SsoTokenProviderError);
    expect(error.code).toBe("TOKEN_FILE_INVALID");
    expect(error.message).toContain("loop of symbolic links");
    expect((await readdir(dir)).sort()).toEqual(["a.json", "b.json"]);
  });

  posixOnly("creates a missing cache folder and its parents 0700, leaving others", async () => {
    const home = await tempDir();
    await chmod(home, 0o755);
    const cache = join(home, ".aws", "sso", "cache");

    await withUmask(0o022, () => writeTokenFile(join(cache, "t.json"), cliRecord()));

    expect(await modeOf(home)).toBe(0o755);
    expect(await modeOf(join(home, ".aws"))).toBe(0o700);
    expect(await modeOf(join(home, ".aws", "sso"))).toBe(0o700);
    expect(await modeOf(cache)).toBe(0o700);
    expect(await modeOf(join(cache, "t.json"))).toBe(0o600);
  });

  it("keeps unknown fields and their order through read, merge and write", async () => {
    const file = join(await tempDir(), "t.json");
    const original =
      '{"startUrl": "https://x.awsapps.com/start", "x-vendor": {"a": [1, 2]}, ' +
      '"accessToken": "aoa-SECRET-old", "expiresAt": "2026-01-01T00:00:00.123+00:00", ' +
      '"clientId": "cid", "clientSecret": "cs-SECRET", ' +
      '"registrationExpiresAt": "2027-01-01T00:00:00.5Z", "refreshToken": "aor-SECRET-old", ' +
      '"note": "caf\\u00e9", "n": 3}';
    await writeFile(file, original);
    const old = await readTokenFile(file);

    const update = { accessToken: "aoa-SECRET-new", expiresAt: new Date("2026-02-02T10:00:00.9Z") };
    await writeTokenFile(file, mergeRefreshedToken(old!, update));

    expect(await readFile(file, "utf8")).toBe(
      '{"startUrl": "https://x.awsapps.com/start", "x-vendor": {"a": [1, 2]}, ' +
        '"accessToken": "aoa-SECRET-new", "expiresAt": "2026-02-02T10:00:00Z", ' +
        '"clientId": "cid", "clientSecret": "cs-SECRET", ' +
        '"registrationExpiresAt": "2027-01-01T00:00:00.5Z", "refreshToken": "aor-SECRET-old", ' +
        '"note": "caf\\u00e9", "n": 3}',
    );
  });

  it("writes a TokenFile's record with its real values, not the hidden ones", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, cliText(cliRecord()));
    const token = await readTokenFile(file);

    await writeTokenFile(file, token!.record as Record<string, unknown>);
    expect(await readFile(file, "utf8")).toBe(cliText(cliRecord()));
  });

  it("removes its temporary file when the rename fails (target is a folder)", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "t.json"));
    await writeFile(join(dir, "t.json", "inside"), "kept");

    const error = await writeTokenFile(join(dir, "t.json"), cliRecord()).catch((e) => e);

    expect(error).toBeInstanceOf(Error);
    expect(["EISDIR", "ENOTEMPTY", "EEXIST", "EPERM"]).toContain(error.code);
    expect(await readdir(dir)).toEqual(["t.json"]);
    expect(await readFile(join(dir, "t.json", "inside"), "utf8")).toBe("kept");
  });

  it("touches no file for a record that is not JSON data", async () => {
    const dir = await tempDir();
    const cache = join(dir, "cache");

    const error = await writeTokenFile(join(cache, "t.json"), { big: 1n }).catch((e) => e);

    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain("record.big is a bigint");
    expect(await readdir(dir)).toEqual([]);
  });

  it("lets a concurrent reader see only whole files", async () => {
    const file = join(await tempDir(), "t.json");
    await writeTokenFile(file, cliRecord({ accessToken: "aoa-0" }));
    const seen = new Set<string>();
    let writing = true;

    const writer = (async () => {
      for (let i = 1; i <= 60; i++) {
        const pad = "p".repeat((i % 7) * 500);
        await writeTokenFile(file, cliRecord({ accessToken: `aoa-${i}`, pad }));
      }
      writing = false;
    })();
    const reader = (async () => {
      // No retries: an in-place writer would be caught half way here.
      while (writing) {
        const token = await readTokenFile(file, { retryDelaysMs: [] });
        seen.add(token!.accessToken);
      }
    })();
    await Promise.all([writer, reader]);

    expect(seen.size).toBeGreaterThan(0);
    expect([...seen].every((value) => /^aoa-\d+$/.test(value))).toBe(true);
    expect((await readTokenFile(file))?.accessToken).toBe("aoa-60");
    expect((await readdir(join(file, ".."))).filter(isTempFileName)).toEqual([]);
  });
});
