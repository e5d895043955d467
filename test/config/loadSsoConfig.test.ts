import { spawnSync } from "node:child_process";
import { chmod, mkdir, stat, truncate, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";

import { loadSsoSessionData } from "@smithy/shared-ini-file-loader";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { loadSsoConfig } from "../../src/config/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { requireTool } from "../helpers/requireTool.js";
import { makeTempFolder, sessionConfig, type TempFolder } from "./tempFolder.js";

let tmp: TempFolder;

beforeEach(async () => {
  tmp = await makeTempFolder();
});

afterEach(async () => {
  await tmp.remove();
});

async function failure(promise: Promise<unknown>): Promise<SsoTokenProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoTokenProviderError);
  return error as SsoTokenProviderError;
}

const itWithMkfifo = requireTool(
  "mkfifo",
  spawnSync("mkfifo", ["--version"]).status === 0,
  "the FIFO tests create one with mkfifo (coreutils)",
);

// As root, permission bits do not stop reads; run the read as "nobody" for a moment instead.
const isRoot = process.getuid?.() === 0;
async function asUnprivilegedUser<T>(action: () => Promise<T>): Promise<T> {
  if (!isRoot) return action();
  process.seteuid?.(65534);
  try {
    return await action();
  } finally {
    process.seteuid?.(0);
  }
}

describe("loadSsoConfig: finding the files", () => {
  it("reads .aws/config under HOME when nothing else names a file", async () => {
    await tmp.write("home/.aws/config", sessionConfig("eu-west-3"));
    const env = { HOME: join(tmp.path, "home"), AWS_PROFILE: "dev" };
    const config = await loadSsoConfig({ env });
    expect(config).toMatchObject({
      region: "eu-west-3",
      configFilepath: join(tmp.path, "home", ".aws", "config"),
    });
  });

  it("finds the home folder through USERPROFILE, then HOMEDRIVE + HOMEPATH", async () => {
    await tmp.write("profile/.aws/config", sessionConfig("eu-west-1"));
    await tmp.write("drive/path/.aws/config", sessionConfig("eu-west-2"));
    const viaProfile = await loadSsoConfig({
      profile: "dev",
      env: { USERPROFILE: join(tmp.path, "profile") },
    });
    const viaDrive = await loadSsoConfig({
      profile: "dev",
      env: { HOMEDRIVE: join(tmp.path, "drive"), HOMEPATH: "/path" },
    });
    expect([viaProfile.region, viaDrive.region]).toEqual(["eu-west-1", "eu-west-2"]);
  });

  it("takes AWS_CONFIG_FILE over HOME, and the configFilepath option over both", async () => {
    await tmp.write("home/.aws/config", sessionConfig("us-east-1"));
    const fromEnv = await tmp.write("env-config", sessionConfig("us-east-2"));
    const fromOption = await tmp.write("option-config", sessionConfig("us-west-1"));
    const env = { HOME: join(tmp.path, "home"), AWS_CONFIG_FILE: fromEnv, AWS_PROFILE: "dev" };

    expect((await loadSsoConfig({ env })).region).toBe("us-east-2");
    expect((await loadSsoConfig({ env, configFilepath: fromOption })).region).toBe("us-west-1");
  });

  it("merges AWS_SHARED_CREDENTIALS_FILE, else .aws/credentials, over the config", async () => {
    const legacy =
      "[profile old]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n";
    await tmp.write("home/.aws/config", legacy);
    await tmp.write("home/.aws/credentials", "[old]\nsso_region = ap-east-1\n");
    const named = await tmp.write("named-credentials", "[old]\nsso_region = me-south-1\n");
    const home = join(tmp.path, "home");

    const byHome = await loadSsoConfig({ profile: "old", env: { HOME: home } });
    const byEnv = await loadSsoConfig({
      profile: "old",
      env: { HOME: home, AWS_SHARED_CREDENTIALS_FILE: named },
    });
    expect([byHome.region, byEnv.region]).toEqual(["ap-east-1", "me-south-1"]);
  });
});

describe("loadSsoConfig: choosing the profile", () => {
  it("uses AWS_PROFILE, and the profile option over it", async () => {
    const file = await tmp.write(
      "config",
      `${sessionConfig()}\n[profile other]\nsso_session = corp\nsso_role_name = Other\n`,
    );
    const env = { AWS_CONFIG_FILE: file, AWS_PROFILE: "other" };

    expect(await loadSsoConfig({ env })).toMatchObject({
      profileName: "other",
      roleName: "Other",
    });
    expect(await loadSsoConfig({ env, profile: "dev" })).toMatchObject({ profileName: "dev" });
  });

  it("goes straight to the named sso-session, ignoring profiles", async () => {
    const file = await tmp.write("config", sessionConfig());
    const config = await loadSsoConfig({
      ssoSession: "corp",
      profile: "missing",
      env: { AWS_CONFIG_FILE: file, AWS_PROFILE: "missing" },
    });
    expect(config).toEqual({
      kind: "session",
      sessionName: "corp",
      startUrl: "https://corp.awsapps.com/start",
      region: "us-east-1",
      configFilepath: file,
    });
  });

  it("counts a profile given without profileExplicit as named", async () => {
    const file = await tmp.write("config", sessionConfig());
    const error = await failure(loadSsoConfig({ profile: "ghost", configFilepath: file, env: {} }));
    expect([error.code, error.tryNextLink]).toEqual(["PROFILE_NOT_FOUND", false]);
  });
});

describe("loadSsoConfig: a missing or unreadable config file", () => {
  it("is CONFIG_FILE_NOT_FOUND naming the path and where it came from", async () => {
    const path = join(tmp.path, "nope", "config");
    const unnamed = await failure(loadSsoConfig({ env: { AWS_CONFIG_FILE: path } }));

    expect(unnamed.code).toBe("CONFIG_FILE_NOT_FOUND");
    expect(unnamed.tryNextLink).toBe(true);
    expect(unnamed.message).toContain(`The AWS config file ${path} (from AWS_CONFIG_FILE)`);
    expect(unnamed.message).toContain("`aws configure sso`");
    expect((unnamed.cause as NodeJS.ErrnoException).code).toBe("ENOENT");
  });

  it("stops a chain when the profile or session was named", async () => {
    const env = { AWS_CONFIG_FILE: join(tmp.path, "nope"), AWS_PROFILE: "dev" };
    const byEnv = await failure(loadSsoConfig({ env }));
    const bySession = await failure(
      loadSsoConfig({ env: {}, ssoSession: "corp", configFilepath: env.AWS_CONFIG_FILE }),
    );
    expect([byEnv.tryNextLink, bySession.tryNextLink]).toEqual([false, false]);
  });

  it("is CONFIG_FILE_UNREADABLE for a folder", async () => {
    await mkdir(join(tmp.path, "folder"));
    const error = await failure(
      loadSsoConfig({ configFilepath: join(tmp.path, "folder"), env: {} }),
    );
    expect(error.code).toBe("CONFIG_FILE_UNREADABLE");
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain("it is a folder, not a file");
  });

  it("is CONFIG_FILE_UNREADABLE when reading is not permitted", async () => {
    const file = await tmp.write("config", sessionConfig());
    await chmod(tmp.path, 0o755);
    await chmod(file, 0o000);

    const error = await failure(
      asUnprivilegedUser(() => loadSsoConfig({ configFilepath: file, env: {} })),
    );
    expect(error.code).toBe("CONFIG_FILE_UNREADABLE");
    expect(error.tryNextLink).toBe(false);
    expect(error.message).toContain(`Cannot read the AWS config file ${file}`);
    expect(error.message).toContain("permission denied (EACCES)");
    expect((error.cause as NodeJS.ErrnoException).code).toBe("EACCES");
  });

  it("is CONFIG_FILE_UNREADABLE when its folder cannot be entered", async () => {
    const file = await tmp.write("locked/config", sessionConfig());
    await chmod(join(tmp.path, "locked"), 0o000);
    await chmod(tmp.path, 0o755);

    const error = await failure(
      asUnprivilegedUser(() => loadSsoConfig({ configFilepath: file, env: {} })),
    );
    expect([error.code, error.tryNextLink]).toEqual(["CONFIG_FILE_UNREADABLE", false]);
    await chmod(join(tmp.path, "locked"), 0o700);
  });

  itWithMkfifo("is CONFIG_FILE_UNREADABLE, without blocking, for a FIFO", async () => {
    const fifo = join(tmp.path, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const error = await failure(loadSsoConfig({ configFilepath: fifo, env: {} }));
    expect(error.message).toContain("it is not a regular file");
  });

  it("is CONFIG_FILE_UNREADABLE for a file too large to be a config file", async () => {
    const file = await tmp.write("config", "");
    await truncate(file, 5 * 1024 * 1024);
    const error = await failure(loadSsoConfig({ configFilepath: file, env: {} }));
    expect(error.code).toBe("CONFIG_FILE_UNREADABLE");
    expect(error.message).toContain("larger than 4 MiB");
  });
});

describe("loadSsoConfig: the credentials file", () => {
  it("may be unreadable when the profile is in the config file", async () => {
    const config = await tmp.write("config", sessionConfig());
    const credentials = await tmp.write("credentials", "[dev]\nsso_region = eu-west-1\n");
    await chmod(tmp.path, 0o755);
    await chmod(credentials, 0o000);

    const result = await asUnprivilegedUser(() =>
      loadSsoConfig({ profile: "dev", configFilepath: config, filepath: credentials, env: {} }),
    );
    expect(result.region).toBe("us-east-1");
  });

  it("is CONFIG_FILE_UNREADABLE, naming it, when the profile might be in it", async () => {
    const config = await tmp.write("config", sessionConfig());
    const credentials = await tmp.write("credentials", "[other]\nregion = eu-west-1\n");
    await chmod(tmp.path, 0o755);
    await chmod(credentials, 0o000);

    const error = await failure(
      asUnprivilegedUser(() =>
        loadSsoConfig({
          profile: "other",
          configFilepath: config,
          filepath: credentials,
          env: {},
        }),
      ),
    );
    expect(error.code).toBe("CONFIG_FILE_UNREADABLE");
    expect(error.message).toContain(`the credentials file ${credentials}, which might hold it`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe("EACCES");
  });

  itWithMkfifo("is not read, and does not block, when it is a FIFO", async () => {
    const config = await tmp.write("config", sessionConfig());
    const fifo = join(tmp.path, "credentials");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);

    const result = await loadSsoConfig({
      profile: "dev",
      configFilepath: config,
      filepath: fifo,
      env: {},
    });
    expect(result.region).toBe("us-east-1");
  });

  it("never shows its values in an error", async () => {
    const config = await tmp.write("config", "[profile dev]\nregion = us-east-1\n");
    const credentials = await tmp.write(
      "credentials",
      [
        "[dev]",
        "aws_access_key_id = AKIDTOPSECRET1",
        "aws_secret_access_key = TOPSECRET2",
        "aws_secret_access_key = TOPSECRET3",
        "TOPSECRET4 garbage",
        "[profile dev]",
        "aws_session_token = TOPSECRET5",
      ].join("\n"),
    );

    const error = await failure(
      loadSsoConfig({ profile: "dev", configFilepath: config, filepath: credentials, env: {} }),
    );
    expect(error.code).toBe("SSO_CONFIG_INVALID");
    expect(error.message).toContain(`${credentials}:4: "aws_secret_access_key" is set again`);
    for (const shown of [error.message, JSON.stringify(error), inspect(error)]) {
      expect(shown).not.toContain("TOPSECRET");
    }
  });
});

describe("loadSsoConfig: reading fresh, writing nothing", () => {
  it("sees edits between calls, and so do SDK clients in this process", async () => {
    const file = await tmp.write("config", sessionConfig("us-east-1"));
    const first = await loadSsoConfig({ profile: "dev", configFilepath: file, env: {} });
    expect(first.region).toBe("us-east-1");

    await writeFile(file, sessionConfig("eu-south-1"));
    const second = await loadSsoConfig({ profile: "dev", configFilepath: file, env: {} });
    expect(second.region).toBe("eu-south-1");

    // The SDK's loader keeps one copy per path for the process; ours was a fresh read.
    const sessions = await loadSsoSessionData({ configFilepath: file });
    expect(sessions.corp?.sso_region).toBe("eu-south-1");
  });

  it("sees an edit that keeps the size and the time, and a credentials file that appears", async () => {
    const file = await tmp.write("config", sessionConfig("us-east-1"));
    const credentials = join(tmp.path, "credentials");
    const files = { configFilepath: file, filepath: credentials, env: {} };
    const { mtime } = await stat(file);
    expect((await loadSsoConfig({ profile: "dev", ...files })).region).toBe("us-east-1");

    await writeFile(file, sessionConfig("us-east-2"));
    await utimes(file, mtime, mtime);
    expect((await loadSsoConfig({ profile: "dev", ...files })).region).toBe("us-east-2");

    await failure(loadSsoConfig({ profile: "ci", ...files }));
    await writeFile(credentials, "[ci]\nsso_session = corp\n");
    expect(await loadSsoConfig({ profile: "ci", ...files })).toMatchObject({
      region: "us-east-2",
      sessionName: "corp",
    });
  });

  it("leaves both files exactly as they were", async () => {
    const config = await tmp.write("config", sessionConfig());
    const credentials = await tmp.write("credentials", "[dev]\nregion = us-east-1\n");
    const before = await Promise.all([stat(config), stat(credentials)]);

    const files = { configFilepath: config, filepath: credentials, env: {} };
    await loadSsoConfig({ profile: "dev", ...files });
    await failure(loadSsoConfig({ profile: "x", ...files }));

    const after = await Promise.all([stat(config), stat(credentials)]);
    expect(after.map((s) => [s.mtimeMs, s.size, s.mode])).toEqual(
      before.map((s) => [s.mtimeMs, s.size, s.mode]),
    );
  });

  it("answers any file content with a config or an SsoTokenProviderError", async () => {
    const piece = fc.constantFrom(
      "[profile dev]",
      "[sso-session corp]",
      "[DEFAULT]",
      "sso_session = corp",
      "sso_region",
      "sso_start_url = ",
      "=",
      ":",
      "#",
      "\t",
      " ",
      "\r",
      "\n",
      "\uFEFF",
      "\u0000",
      '"',
      "\\",
      "__proto__",
      "[profile __proto__]",
      "[sso-session constructor]",
    );
    const content = fc.oneof(
      fc.array(piece, { maxLength: 40 }).map((parts) => parts.join("")),
      fc.string({ unit: "binary", maxLength: 200 }),
    );
    const samples = fc.sample(fc.tuple(content, fc.constantFrom("dev", "default", "__proto__")), {
      numRuns: 150,
      seed: 99,
    });

    for (const [index, [text, profile]] of samples.entries()) {
      const file = await tmp.write(`odd-${index}`, text);
      const outcome = await loadSsoConfig({ profile, configFilepath: file, env: {} }).then(
        (config) => config.startUrl,
        (error: unknown) => error,
      );
      if (typeof outcome !== "string") expect(outcome).toBeInstanceOf(SsoTokenProviderError);
    }
  });
});
