import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
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

function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
