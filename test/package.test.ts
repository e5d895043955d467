import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

import { useEmulatorSandbox, seedToken } from "./helpers/sandbox.js";

// The built package (npm test builds it first) as a user loads it: by its name, through the
// exports map, with `import` and with `require`, in fresh processes. The sources are what
// vitest runs everywhere else; these tests hold the bundled output to the same surface.

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);

/** Runs `code` in a new Node process from the package root, where its name resolves. */
async function runNode(kind: "import" | "require", code: string, env?: NodeJS.ProcessEnv) {
  const args = kind === "import" ? ["--input-type=module", "-e", code] : ["-e", code];
  const { stdout } = await run(process.execPath, args, { cwd: ROOT, env: env ?? process.env });
  return JSON.parse(stdout) as unknown;
}

const LIST_EXPORTS = {
  import: `
    const main = await import("sso-token-provider");
    const emulator = await import("sso-token-provider/emulator");
    console.log(JSON.stringify({ main: Object.keys(main), emulator: Object.keys(emulator) }));
  `,
  require: `
    const main = require("sso-token-provider");
    const emulator = require("sso-token-provider/emulator");
    console.log(JSON.stringify({ main: Object.keys(main), emulator: Object.keys(emulator) }));
  `,
};

const GET_TOKEN = {
  import: `
    const { fromSsoSession } = await import("sso-token-provider");
    const identity = await fromSsoSession({ profile: "dev" })();
    console.log(JSON.stringify({ token: identity.token }));
  `,
  require: `
    const { fromSsoSession } = require("sso-token-provider");
    fromSsoSession({ profile: "dev" })().then((identity) => {
      console.log(JSON.stringify({ token: identity.token }));
    });
  `,
};

describe("the built package", () => {
  const context = useEmulatorSandbox();

  it.each(["import", "require"] as const)(
    "exports what the sources export, by name, with %s",
    async (kind) => {
      const source = {
        main: Object.keys(await import("../src/index.js")).sort(),
        emulator: Object.keys(await import("../src/emulator/index.js")).sort(),
      };

      const built = (await runNode(kind, LIST_EXPORTS[kind])) as typeof source;

      expect({ main: built.main.sort(), emulator: built.emulator.sort() }).toEqual(source);
      expect(source.main).toContain("fromSsoSession");
    },
  );

  it.each(["import", "require"] as const)(
    "refreshes an expired token and writes it back, with %s",
    async (kind) => {
      const { emulator, sandbox } = context;
      const seeded = await seedToken(emulator, sandbox, { expiresInMs: -60_000 });

      const output = (await runNode(kind, GET_TOKEN[kind], sandbox.env)) as { token: string };

      const written = JSON.parse(await readFile(seeded.filepath, "utf8"));
      expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
      expect(emulator.counters.requests.CreateToken).toBe(1);
      expect(output.token).not.toBe(seeded.accessToken);
      expect(digest(output.token)).toBe(digest(written.accessToken));
      expect(written.refreshToken).not.toBe(seeded.refreshToken);
    },
  );
});

describe("the three builds in one race", () => {
  const context = useEmulatorSandbox();

  // The command line carries its own bundle of the same code; the lock is what they share.
  it("the command line, import and require, 8 processes each on an expired token: one CreateToken", async () => {
    const { emulator, sandbox } = context;
    await seedToken(emulator, sandbox, { expiresInMs: -60_000 });
    const printToken = {
      import: `const { fromSsoSession } = await import("sso-token-provider");
        console.log((await fromSsoSession({ profile: "dev" })()).token);`,
      require: `require("sso-token-provider").fromSsoSession({ profile: "dev" })()
        .then((identity) => console.log(identity.token));`,
    };
    const commands = [
      [join(ROOT, "dist", "esm", "cli", "main.js"), "token", "--profile", "dev"],
      ["--input-type=module", "-e", printToken.import],
      ["-e", printToken.require],
    ];

    const outputs = await Promise.all(
      commands.flatMap((args) =>
        Array.from({ length: 8 }, async () => {
          const { stdout } = await run(process.execPath, args, { cwd: ROOT, env: sandbox.env });
          return stdout.trim();
        }),
      ),
    );

    const written = JSON.parse(await readFile(sandbox.tokenPath("my-sso"), "utf8"));
    expect(new Set(outputs)).toEqual(new Set([written.accessToken]));
    expect(outputs).toHaveLength(24);
    expect(emulator.counters.requests.CreateToken).toBe(1);
    expect(emulator.counters.invalidGrant).toBe(0);
  }, 120_000);
});

describe("the built CommonJS files", () => {
  it("load lazily with require(), never import(), which CommonJS hosts may not support", async () => {
    const dist = join(ROOT, "dist", "cjs");
    const files = (await readdir(dist, { recursive: true })).filter((name) => name.endsWith(".js"));
    const withImport = [];
    for (const name of files) {
      if (/\bimport\(/.test(await readFile(join(dist, name), "utf8"))) withImport.push(name);
    }

    expect(files).toContain("index.js");
    expect(withImport).toEqual([]);
  });
});

describe("the built type declarations", () => {
  // One consumer per module resolution a TypeScript project may use, importing the package
  // from its node_modules (a link to this folder), both entries, with `import` or `require`.
  const CONSUMERS = {
    NodeNext: {
      "esm.mts": `import { fromSsoSession, SsoTokenProviderError } from "sso-token-provider";
        import { startEmulator } from "sso-token-provider/emulator";
        const provider: () => Promise<{ token: string }> = fromSsoSession({ profile: "dev" });
        export const uses = [provider, SsoTokenProviderError, startEmulator];`,
      "cjs.cts": `import main = require("sso-token-provider");
        import emulator = require("sso-token-provider/emulator");
        const code: main.ErrorCode = "REFRESH_FAILED";
        export const uses = [main.fromSsoSession, emulator.startEmulator, code];`,
    },
    Bundler: {
      "app.ts": `import { fromSsoSession, type ErrorCode } from "sso-token-provider";
        import { startEmulator } from "sso-token-provider/emulator";
        const code: ErrorCode = "TOKEN_EXPIRED";
        export const uses = [fromSsoSession, startEmulator, code];`,
    },
    Node10: {
      "app.ts": `import { fromSsoSession } from "sso-token-provider";
        import { startEmulator } from "sso-token-provider/emulator";
        export const uses = [fromSsoSession, startEmulator];`,
    },
  } as const;

  it.each(Object.keys(CONSUMERS) as (keyof typeof CONSUMERS)[])(
    "type-check a consumer with moduleResolution %s",
    async (resolution) => {
      await mkdir(join(ROOT, ".tmp"), { recursive: true });
      const consumer = await mkdtemp(join(ROOT, ".tmp", "consumer-"));
      try {
        await mkdir(join(consumer, "node_modules"));
        await symlink(ROOT, join(consumer, "node_modules", "sso-token-provider"), "dir");
        const files = CONSUMERS[resolution];
        for (const [name, text] of Object.entries(files)) {
          await writeFile(join(consumer, name), text);
        }
        const module = { NodeNext: "NodeNext", Bundler: "ESNext", Node10: "CommonJS" }[resolution];
        const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
        const args = [tsc, "--noEmit", "--strict", "--skipLibCheck", "false", "--target", "ES2022"];
        args.push("--module", module, "--moduleResolution", resolution, "--types", "node");
        args.push("--typeRoots", join(ROOT, "node_modules", "@types"), ...Object.keys(files));

        const result = await run(process.execPath, args, { cwd: consumer }).catch(
          (failed: { stdout: string }) => failed,
        );

        expect(result.stdout).toBe("");
      } finally {
        await rm(consumer, { recursive: true, force: true });
      }
    },
  );
});

describe("a package replaced on disk while a process runs", () => {
  const context = useEmulatorSandbox();

  // A copy of the built ESM entry and its chunks but the refresh one, inside the package so
  // that its dependencies resolve: as after an upgrade that renamed the hashed chunks.
  async function copyWithoutRefreshChunk(): Promise<string> {
    await mkdir(join(ROOT, ".tmp"), { recursive: true });
    const copy = await mkdtemp(join(ROOT, ".tmp", "replaced-"));
    await cp(join(ROOT, "dist", "esm", "index.js"), join(copy, "index.js"));
    await cp(join(ROOT, "dist", "esm", "chunks"), join(copy, "chunks"), {
      recursive: true,
      filter: (path) => !/refreshSession-[^/\\]*\.js$/.test(path),
    });
    return copy;
  }

  it("fails a refresh with REFRESH_FAILED that says to restart, and serves a valid token", async () => {
    const { emulator, sandbox } = context;
    const copy = await copyWithoutRefreshChunk();
    const entry = JSON.stringify(join(copy, "index.js"));
    const call = `
      const { fromSsoSession } = await import(${entry});
      const warnings = [];
      const logger = { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} };
      try {
        const identity = await fromSsoSession({ profile: "dev", logger })();
        console.log(JSON.stringify({ token: identity.token, warnings }));
      } catch (error) {
        console.log(JSON.stringify({ code: error.code, message: error.message, warnings }));
      }
    `;
    try {
      const inWindow = await seedToken(emulator, sandbox, { expiresInMs: 60_000 });
      const served = (await runNode("import", call, sandbox.env)) as Record<string, unknown>;
      expect(served.token).toBe(inWindow.accessToken);
      expect(String(served.warnings)).toContain("refresh code could not be loaded");

      await seedToken(emulator, sandbox, { expiresInMs: -60_000 });
      const failed = (await runNode("import", call, sandbox.env)) as Record<string, unknown>;
      expect(failed.code).toBe("REFRESH_FAILED");
      expect(failed.message).toContain("restart it");
      expect(emulator.counters.requests.CreateToken).toBe(0);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
