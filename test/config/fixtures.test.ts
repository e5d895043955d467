import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadSsoConfig } from "../../src/config/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { FIXTURE_DIR, fillPlaceholders, loadFixtureCases } from "./fixtureCases.js";

const cases = loadFixtureCases();
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "sso-config-fixtures-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("fixtures/config/cases.json", () => {
  it("has 25 or more cases with unique names, each using an existing file", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) {
      await expect(readFile(join(FIXTURE_DIR, c.file))).resolves.toBeInstanceOf(Buffer);
    }
  });

  it("agrees with its own `cli` claims wherever both read the same values", () => {
    const disagreements = cases.filter((c) => {
      if (!("config" in c.expect) || c.cli?.outcome !== "ok") return false;
      const ours = c.expect.config;
      return (["startUrl", "region", "sessionName"] as const).some(
        (key) => key in ours && c.cli?.[key] !== undefined && ours[key] !== c.cli[key],
      );
    });
    expect(disagreements.map((c) => c.name)).toEqual([]);
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))("%s", async (_name, c, index) => {
    const dir = join(root, String(index));
    await mkdir(dir);
    const config = join(dir, c.file);
    const credentials = join(dir, c.credentials ?? "no-credentials-file");
    await copyFile(join(FIXTURE_DIR, c.file), config);
    if (c.credentials) await copyFile(join(FIXTURE_DIR, c.credentials), credentials);
    const before = await readFile(config);

    const outcome = await loadSsoConfig({
      configFilepath: config,
      filepath: credentials,
      profile: c.profile,
      ssoSession: c.ssoSession,
      profileExplicit: c.profileExplicit,
      env: {},
    }).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );

    const expected = fillPlaceholders(c.expect, { config, credentials });
    if ("config" in expected) {
      expect(outcome).not.toHaveProperty("error");
      expect((outcome as { value: unknown }).value).toMatchObject(expected.config);
    } else {
      const error = (outcome as { error?: unknown }).error;
      expect(error).toBeInstanceOf(SsoTokenProviderError);
      const failure = error as SsoTokenProviderError;
      expect(failure.code).toBe(expected.error.code);
      if (expected.error.tryNextLink !== undefined) {
        expect(failure.tryNextLink).toBe(expected.error.tryNextLink);
      }
      for (const part of expected.error.messageIncludes) expect(failure.message).toContain(part);
    }

    expect(await readFile(config)).toEqual(before);
  });
});
