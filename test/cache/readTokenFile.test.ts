import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { mkdir, readFile, stat, symlink, truncate, utimes, writeFile } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import { MAX_TOKEN_FILE_BYTES, readTokenFile } from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";

import { cliRecord, cliText, join, useTempDirs } from "./tempDirs.js";

const tempDir = useTempDirs();

async function rejection(promise: Promise<unknown>): Promise<SsoTokenProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SsoTokenProviderError);
  return error as SsoTokenProviderError;
}

describe(readTokenFile.name, () => {
  it("reads a valid file with its mode, owner and mtime", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, cliText(cliRecord()), { mode: 0o640 });
    await utimes(file, 1_700_000_000, 1_700_000_000);

    const token = await readTokenFile(file);

    expect(token?.accessToken).toBe("aoa-SECRET-access");
    expect(token?.expiresAt.toISOString()).toBe("2026-12-03T17:43:03.000Z");
    expect(token?.mode).toBe(0o640);
    expect(token?.uid).toBe((await stat(file)).uid);
    expect(token?.mtimeMs).toBe(1_700_000_000_000);
    expect(token?.filepath).toBe(file);
  });

  it("returns undefined for a missing file, a missing folder or a dangling link", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "plain"), "x");
    await symlink(join(dir, "nowhere.json"), join(dir, "dangling.json"));

    expect(await readTokenFile(join(dir, "missing.json"))).toBeUndefined();
    expect(await readTokenFile(join(dir, "no", "such", "t.json"))).toBeUndefined();
    expect(await readTokenFile(join(dir, "plain", "t.json"))).toBeUndefined();
    expect(await readTokenFile(join(dir, "dangling.json"))).toBeUndefined();
  });

  it("follows a symbolic link to the file", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "real.json"), cliText(cliRecord()));
    await symlink("real.json", join(dir, "link.json"));

    const token = await readTokenFile(join(dir, "link.json"));
    expect(token?.refreshToken).toBe("aor-SECRET-refresh");
  });

  it("refuses a folder", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "t.json"));

    const error = await rejection(readTokenFile(join(dir, "t.json")));
    expect(error.code).toBe("TOKEN_FILE_INVALID");
    expect(error.message).toContain(`${join(dir, "t.json")} is a folder`);
  });

  it.skipIf(process.platform === "win32")("refuses a FIFO without opening it", async () => {
    const fifo = join(await tempDir(), "t.json");
    const made = spawnSync("mkfifo", [fifo]);
    expect(made.error, "mkfifo must be installed").toBeUndefined();

    // Opening a FIFO for reading would block until a writer came: stat must refuse it first.
    const error = await rejection(readTokenFile(fifo));
    expect(error.message).toContain("is not a regular file");
  });

  it("reads a file of exactly 1 MiB", async () => {
    const file = join(await tempDir(), "t.json");
    const head = cliText(cliRecord()).slice(0, -1) + ', "pad": "';
    await writeFile(file, head + "x".repeat(MAX_TOKEN_FILE_BYTES - head.length - 2) + '"}');
    expect((await stat(file)).size).toBe(MAX_TOKEN_FILE_BYTES);

    const token = await readTokenFile(file);
    expect((token?.record.pad as string).length).toBe(MAX_TOKEN_FILE_BYTES - head.length - 2);
  });

  it("refuses a file of 1 MiB + 1 byte", async () => {
    const file = join(await tempDir(), "t.json");
    const head = cliText(cliRecord()).slice(0, -1) + ', "pad": "';
    await writeFile(file, head + "x".repeat(MAX_TOKEN_FILE_BYTES - head.length - 1) + '"}');

    const error = await rejection(readTokenFile(file));
    expect(error.code).toBe("TOKEN_FILE_INVALID");
    expect(error.message).toContain(`is ${MAX_TOKEN_FILE_BYTES + 1} bytes, larger than`);
    expect(error.message).toContain("1 MiB");
  });

  it("refuses a 3 GiB (sparse) file from its size, without reading it", async () => {
    // Reading it whole would fail differently (Node cannot hold 3 GiB in one Buffer).
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{");
    await truncate(file, 3 * 1024 ** 3);

    const error = await rejection(readTokenFile(file));
    expect(error.message).toContain(`is ${3 * 1024 ** 3} bytes`);
  });

  it("reads again a file that becomes whole while it waits", async () => {
    const file = join(await tempDir(), "t.json");
    const text = cliText(cliRecord());
    await writeFile(file, text.slice(0, 40));
    const retries: number[] = [];

    const token = await readTokenFile(file, {
      retryDelaysMs: [5, 5, 5],
      onRetry: (retry) => {
        retries.push(retry);
        // The first read saw half a file; the writer finishes before the next read.
        if (retry === 1) writeFileSync(file, text);
      },
    });

    expect(token?.accessToken).toBe("aoa-SECRET-access");
    expect(retries[0]).toBe(1);
  });

  it("reads a file that a timer completes while the reader waits", async () => {
    const file = join(await tempDir(), "t.json");
    const text = cliText(cliRecord());
    await writeFile(file, "");
    const timer = setTimeout(() => void writeFile(file, text), 20);

    try {
      // 20 ms is well inside these 1.3 s of retries.
      const token = await readTokenFile(file, { retryDelaysMs: [10, 20, 30, 40, 400, 800] });
      expect(token?.clientSecret).toBe("cs-SECRET-client");
    } finally {
      clearTimeout(timer);
    }
  });

  it("waits out a child process that writes in place like the AWS CLI", async () => {
    const file = join(await tempDir(), "t.json");
    const text = cliText(cliRecord());
    // Truncate, write half, wait for a line on stdin, write the rest: the CLI's pattern, paused.
    const script = `
      const fs = require("node:fs");
      const fd = fs.openSync(process.argv[1], "w", 0o600);
      const text = process.argv[2];
      fs.writeSync(fd, text.slice(0, 60));
      process.stdout.write("half\\n");
      process.stdin.once("data", () => { fs.writeSync(fd, text.slice(60)); fs.closeSync(fd); });
    `;
    const child = spawn(process.execPath, ["-e", script, file, text], { stdio: "pipe" });
    await once(child.stdout, "data");
    const exited = once(child, "exit");

    let retries = 0;
    const token = await readTokenFile(file, {
      retryDelaysMs: [20, 40, 80, 160, 320, 640, 1280],
      onRetry: () => {
        retries++;
        if (retries === 1) child.stdin.end("go\n");
      },
    });
    await exited;

    expect(retries).toBeGreaterThanOrEqual(1);
    expect(token?.refreshToken).toBe("aor-SECRET-refresh");
  });

  it("gives up on a file that stays broken, and leaves it as it was", async () => {
    const file = join(await tempDir(), "t.json");
    const broken = '{"accessToken": "aoa-SECRET-access", "expiresAt": "2026-';
    await writeFile(file, broken);
    const waits: number[] = [];

    const error = await rejection(
      readTokenFile(file, { retryDelaysMs: [1, 2, 3], onRetry: (_n, ms) => waits.push(ms) }),
    );

    expect(waits).toEqual([1, 2, 3]);
    expect(error.code).toBe("TOKEN_FILE_INVALID");
    expect(error.message).toBe(
      `The SSO token cache file ${file} is not valid JSON: it ends early, ` +
        "even after 4 reads over 6 ms. Log in again to replace it.",
    );
    expect(await readFile(file, "utf8")).toBe(broken);
  });

  it("reads once with retryDelaysMs []", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "");

    const error = await rejection(readTokenFile(file, { retryDelaysMs: [] }));
    expect(error.message).toBe(
      `The SSO token cache file ${file} is empty. Log in again to replace it.`,
    );
  });

  it("does not read again a file that parses but is not a token", async () => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, cliText(cliRecord({ expiresAt: "soon" })));
    let retries = 0;

    const error = await rejection(readTokenFile(file, { onRetry: () => retries++ }));
    expect(retries).toBe(0);
    expect(error.message).toContain('expiresAt "soon" is not a timestamp');
  });

  const WRONG_VALUES: [string, unknown][] = [
    ["a number", 1],
    ["a boolean", false],
    ["an object", { value: "x" }],
    ["an array", ["x"]],
  ];
  const STRING_KEYS = [
    "accessToken",
    "refreshToken",
    "clientId",
    "clientSecret",
    "region",
    "startUrl",
  ];
  const TIME_KEYS = ["expiresAt", "registrationExpiresAt"];
  const WRONG_FIELDS = [...STRING_KEYS, ...TIME_KEYS].flatMap((key) => {
    return WRONG_VALUES.map(([kind, value]) => [key, kind, value]);
  });

  it.each(WRONG_FIELDS)("refuses %s when it is %s", async (key, kind, value) => {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, JSON.stringify(cliRecord({ [key as string]: value })));

    const error = await rejection(readTokenFile(file));
    expect(error.code).toBe("TOKEN_FILE_INVALID");
    const expected = TIME_KEYS.includes(key as string) ? "a timestamp string" : "a string";
    expect(error.message).toContain(`${file} is invalid: ${key} is ${kind}, not ${expected}`);
    expect(error.message).not.toContain("SECRET");
  });

  it("never quotes a secret value, even a long one", async () => {
    const file = join(await tempDir(), "t.json");
    const record = cliRecord({ expiresAt: "x".repeat(500), accessToken: "SECRET".repeat(50) });
    await writeFile(file, JSON.stringify(record));

    const error = await rejection(readTokenFile(file));
    expect(error.message).toContain(`expiresAt "${"x".repeat(60)}..." is not a timestamp`);
    expect(error.message).not.toContain("SECRET");
  });
});
