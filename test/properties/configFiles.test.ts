// Properties of reading generated shared config files, alone and together with generated
// cache files through the whole provider: nothing but our typed error ever comes out, errors
// name the file, and no secret reaches a message or the logger.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getTokenFilepath, serializeTokenRecord } from "../../src/cache/index.js";
import { loadSsoConfig } from "../../src/config/index.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { fromSsoSession } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { sessionConfig } from "../helpers/sandbox.js";
import {
  cacheFileBytes,
  configCase,
  configText,
  disturbedSsoConfig,
  SECRET_MARK,
  validRecord,
} from "./arbitraries.js";

const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

let folder: string;
let emulator: Emulator;
let run = 0;
const savedHome = process.env.HOME;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "sso-token-provider-properties-"));
  emulator = await startEmulator();
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});
afterAll(async () => {
  process.env.HOME = savedHome;
  await emulator.stop();
  await rm(folder, { recursive: true, force: true });
});

/** A fresh home per run: the provider remembers each cache file for the process's life. */
async function newHome(): Promise<{ home: string; config: string; credentials: string }> {
  const home = join(folder, `home-${++run}`);
  await mkdir(join(home, ".aws"), { recursive: true });
  return {
    home,
    config: join(home, ".aws", "config"),
    credentials: join(home, ".aws", "credentials"),
  };
}

describe("reading generated config files", () => {
  it("resolves SSO settings or throws a typed error that names the file", async () => {
    const seen = { resolved: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        configCase,
        fc.option(configText, { freq: 3 }),
        async ({ text, query }, credentials) => {
          const paths = await newHome();
          await writeFile(paths.config, text);
          if (credentials !== null) await writeFile(paths.credentials, credentials);

          let resolved;
          try {
            resolved = await loadSsoConfig({
              ...query,
              configFilepath: paths.config,
              filepath: paths.credentials,
              env: {},
            });
          } catch (error) {
            expect(error).toBeInstanceOf(SsoTokenProviderError);
            const message = (error as SsoTokenProviderError).message;
            expect([paths.config, paths.credentials].some((path) => message.includes(path))).toBe(
              true,
            );
            seen.refused++;
            return;
          }
          expect(["session", "legacy"]).toContain(resolved.kind);
          expect(typeof resolved.startUrl).toBe("string");
          expect(resolved.region).toMatch(/^[a-z0-9-]+$/);
          seen.resolved++;
        },
      ),
      { numRuns: 300 },
    );
    expect(seen.resolved).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});

describe("the provider over generated config and cache files", () => {
  it("returns an unexpired token or throws a typed error, and never shows a secret", async () => {
    const seen = { tokens: 0, errors: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          configText,
          disturbedSsoConfig(fc.constant("dev"), fc.constant("my-sso")).map((c) => c.text),
          fc.constant(sessionConfig()),
        ),
        fc.oneof(
          cacheFileBytes.map((cache) => cache.bytes),
          validRecord.map(({ record }) => Buffer.from(serializeTokenRecord(record))),
        ),
        fc.constantFrom(0, 5 * 60_000, 60 * 60_000),
        async (config, cacheBytes, refreshWindowMs) => {
          const paths = await newHome();
          await writeFile(paths.config, config);
          process.env.HOME = paths.home;
          const cachePath = getTokenFilepath("my-sso", paths.home);
          await mkdir(join(paths.home, ".aws", "sso", "cache"), { recursive: true });
          await writeFile(cachePath, cacheBytes);
          const logger = captureLogger();

          try {
            const identity = await fromSsoSession({
              profile: "dev",
              configFilepath: paths.config,
              filepath: paths.credentials,
              now: () => NOW,
              refreshWindowMs,
              logger,
              clientConfig: { endpoint: emulator.url, maxAttempts: 1 },
            })();
            expect(typeof identity.token).toBe("string");
            // Never expired: `expiration` is reported earlier by the window beyond 5 minutes.
            const earlierByMs = Math.max(0, refreshWindowMs - 5 * 60_000);
            expect(identity.expiration!.getTime() + earlierByMs).toBeGreaterThan(NOW);
            expect(inspect(identity) + JSON.stringify(identity)).not.toContain(SECRET_MARK);
            seen.tokens++;
          } catch (error) {
            expect(error).toBeInstanceOf(SsoTokenProviderError);
            const typed = error as SsoTokenProviderError;
            expect(typed.message + inspect(typed) + JSON.stringify(typed)).not.toContain(
              SECRET_MARK,
            );
            seen.errors++;
          }
          expect(logger.all()).not.toContain(SECRET_MARK);
        },
      ),
      { numRuns: 100 },
    );
    expect(seen.tokens).toBeGreaterThan(0);
    expect(seen.errors).toBeGreaterThan(0);
  });
});
