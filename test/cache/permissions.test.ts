import { access, chmod, constants, readdir, writeFile } from "node:fs/promises";

import { describe, expect, it } from "vitest";

import {
  readTokenFile,
  removeTokenFile,
  tokenFilePermissionError,
  writeTokenFile,
} from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";

import { cliRecord, cliText, join, useTempDirs } from "./tempDirs.js";

const tempDir = useTempDirs();

// Root passes every read and write permission check. As root, these tests switch the effective
// uid to `nobody` around the call (process.seteuid, undone in finally), so EACCES is real;
// as any other user, the modes below alone refuse access.
const NOBODY = 65534;
const isRoot = process.geteuid?.() === 0;

async function asUnprivileged<T>(body: () => Promise<T>): Promise<T> {
  if (!isRoot) return body();
  process.seteuid!(NOBODY);
  try {
    return await body();
  } finally {
    process.seteuid!(0);
  }
}

const expectedUid = isRoot ? NOBODY : process.geteuid?.();

async function failure(promise: Promise<unknown>): Promise<SsoTokenProviderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SsoTokenProviderError);
  return error as SsoTokenProviderError;
}

describe.skipIf(process.platform === "win32")("permission errors", () => {
  it("reading a file without read permission names owner, mode and the fix", async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    const file = join(dir, "t.json");
    await writeFile(file, cliText(cliRecord()));
    await chmod(file, 0o000);

    const error = await failure(asUnprivileged(() => readTokenFile(file)));

    const owner = process.getuid!();
    expect(error.code).toBe("TOKEN_FILE_PERMISSION");
    expect(error.message).toBe(
      `Cannot read the SSO token cache file ${file} as uid ${expectedUid} (EACCES). ` +
        `The file belongs to uid ${owner} with mode 0000. ` +
        `Fix: \`sudo chown ${expectedUid} ${dir} ${file} && chmod 700 ${dir} && ` +
        `chmod 600 ${file}\`, or run as the file's owner.`,
    );
    expect((error.cause as NodeJS.ErrnoException).code).toBe("EACCES");
  });

  it("reading in a folder that cannot be searched blames the folder", async () => {
    const dir = await tempDir();
    const file = join(dir, "t.json");
    await writeFile(file, cliText(cliRecord()));
    await chmod(dir, 0o000);

    const error = await failure(asUnprivileged(() => readTokenFile(file)));

    expect(error.code).toBe("TOKEN_FILE_PERMISSION");
    expect(error.message).toContain(`Cannot read the SSO token cache file ${file}`);
    expect(error.message).toContain(`Its folder ${dir} cannot be searched or changed`);
  });

  it("writing into a read-only folder fails and leaves nothing behind", async () => {
    const dir = await tempDir();
    const file = join(dir, "t.json");
    await writeFile(file, "old");
    await chmod(dir, 0o555);

    const error = await failure(asUnprivileged(() => writeTokenFile(file, cliRecord())));

    expect(error.code).toBe("TOKEN_FILE_PERMISSION");
    expect(error.message).toContain(`Cannot write the SSO token cache file ${file}`);
    expect(error.message).toContain("chmod 600");
    expect(await readdir(dir)).toEqual(["t.json"]);
  });

  it("removing from a read-only folder fails and keeps the file", async () => {
    const dir = await tempDir();
    const file = join(dir, "t.json");
    await writeFile(file, "old");
    await chmod(dir, 0o555);

    const error = await failure(asUnprivileged(() => removeTokenFile(file)));

    expect(error.code).toBe("TOKEN_FILE_PERMISSION");
    expect(error.message).toContain(`Cannot remove the SSO token cache file ${file}`);
    expect(await readdir(dir)).toEqual(["t.json"]);
  });
});

describe(tokenFilePermissionError.name, () => {
  // access(X_OK) refuses a file without any execute bit even to root: a real EACCES error.
  async function realEaccess(): Promise<NodeJS.ErrnoException> {
    const file = join(await tempDir(), "t.json");
    await writeFile(file, "{}", { mode: 0o600 });
    const error = await access(file, constants.X_OK).catch((e: NodeJS.ErrnoException) => e);
    expect(error?.code).toBe("EACCES");
    return error as NodeJS.ErrnoException;
  }

  it("builds the message from a real fs error, with owner and mode", async () => {
    const cause = await realEaccess();
    const error = tokenFilePermissionError("/h/.aws/sso/cache/t.json", "read", cause, {
      uid: 0,
      mode: 0o600,
    }, 1000);

    expect(error).toBeInstanceOf(SsoTokenProviderError);
    expect(error.code).toBe("TOKEN_FILE_PERMISSION");
    expect(error.cause).toBe(cause);
    expect(error.message).toBe(
      "Cannot read the SSO token cache file /h/.aws/sso/cache/t.json as uid 1000 (EACCES). " +
        "The file belongs to uid 0 with mode 0600. " +
        "Fix: `sudo chown 1000 /h/.aws/sso/cache /h/.aws/sso/cache/t.json && " +
        "chmod 700 /h/.aws/sso/cache && chmod 600 /h/.aws/sso/cache/t.json`, " +
        "or run as the file's owner.",
    );
  });

  it("quotes paths with spaces for the shell", async () => {
    const error = tokenFilePermissionError(
      "/Users/A B/.aws/sso/cache/t.json",
      "write",
      await realEaccess(),
      undefined,
      501,
    );
    expect(error.message).toContain("`sudo chown 501 '/Users/A B/.aws/sso/cache' '/Users/A B/");
    expect(error.message).toContain("Its folder /Users/A B/.aws/sso/cache cannot be searched");
  });

  it("gives a Windows-style fix when there is no uid", async () => {
    const error = tokenFilePermissionError("C:\\u\\t.json", "read", await realEaccess(), {
      uid: 0,
      mode: 0o666,
    }, null);
    expect(error.message).toBe(
      "Cannot read the SSO token cache file C:\\u\\t.json (EACCES). " +
        "Give your account read and write access to C:\\u\\t.json and its folder.",
    );
  });
});
