import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";

import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { ensureCacheDir, getCacheDir } from "../../src/cache/index.js";
import {
  readRegistration,
  registrationCacheKey,
  registrationFilepath,
} from "../../src/login/index.js";
import {
  createLoginHarness,
  followInBrowser,
  sessionConfig,
  START_URL,
  T0,
  type LoginHarness,
} from "./loginHarness.js";

beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});

describe("registrationCacheKey", () => {
  const base = { sessionName: "my-sso", startUrl: START_URL, region: "us-east-1" };

  it("matches the AWS CLI's file name with scopes configured", () => {
    const key = registrationCacheKey({ ...base, scopes: ["sso:account:access"] });
    expect(key).toBe("a8343d65418848d0bc13a5f25cbb32508ceec5d1");
  });

  it("matches the AWS CLI's file name without scopes (null)", () => {
    expect(registrationCacheKey(base)).toBe("8b2cedd020fb181ad4cf906d1d27b232fd31557e");
  });

  it("escapes non-ASCII text as Python's json.dumps does", () => {
    // sha1 of json.dumps({...}, sort_keys=True) computed with CPython 3 for these values.
    const key = registrationCacheKey({
      startUrl: 'https://\u00fc.example/\u00e9\u007f"',
      region: "us-east-1",
      sessionName: "sess\u{1F600}",
    });
    expect(key).toBe("47792d8eb1f50e8787a323daed42f3d7ea5e9908");
  });
});

describe("the client registration cache", () => {
  let harness: LoginHarness;
  afterEach(async () => {
    await harness?.close();
  });

  const cachePath = (name: string) => join(getCacheDir(harness.home), name);
  const sessionRegistrationPath = () =>
    registrationFilepath({ config: sessionConfig(), cacheDir: getCacheDir(harness.home) });

  it("writes the file the AWS CLI reads: its name, fields and mode 0600", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    await harness.login({ useDeviceCode: true });

    const filepath = cachePath("a8343d65418848d0bc13a5f25cbb32508ceec5d1.json");
    const record = JSON.parse(await readFile(filepath, "utf8")) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual(["clientId", "clientSecret", "expiresAt", "scopes"]);
    expect(record.expiresAt).toBe("2026-05-30T12:00:00Z");
    expect(record.scopes).toEqual(["sso:account:access"]);
    expect((await stat(filepath)).mode & 0o777).toBe(0o600);
  });

  it("records grant types and the default scope for the PKCE flow", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    await harness.login({
      config: sessionConfig({ registrationScopes: undefined }),
      ui: { openBrowser: followInBrowser },
    });

    const filepath = cachePath("8b2cedd020fb181ad4cf906d1d27b232fd31557e.json");
    const record = JSON.parse(await readFile(filepath, "utf8")) as Record<string, unknown>;
    expect(record.scopes).toEqual(["sso:account:access"]);
    expect(record.grantTypes).toEqual(["authorization_code", "refresh_token"]);
  });

  it("reuses a registration that lasts more than 15 minutes", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    await harness.login({ useDeviceCode: true });
    harness.clock.advance(60_000);
    await harness.login({ useDeviceCode: true });

    expect(harness.emulator.counters.requests.RegisterClient).toBe(1);
    const registrations = harness.events.filter((event) => event.type === "registration");
    expect(registrations.map((event) => event.type === "registration" && event.reused)).toEqual([
      false,
      true,
    ]);
  });

  it("registers again when the cached one expires within 15 minutes", async () => {
    harness = await createLoginHarness({ autoApprove: true, registrationLifetimeSeconds: 3600 });
    await harness.login({ useDeviceCode: true });
    const filepath = sessionRegistrationPath();
    const first = await readRegistration(filepath);

    harness.clock.advance(46 * 60_000);
    await harness.login({ useDeviceCode: true });

    const second = await readRegistration(filepath);
    expect(harness.emulator.counters.requests.RegisterClient).toBe(2);
    expect(first.kind === "found" && second.kind === "found").toBe(true);
    if (first.kind === "found" && second.kind === "found") {
      expect(second.registration.clientId).not.toBe(first.registration.clientId);
      expect(second.registration.expiresAt.getTime()).toBe(T0 + 1000 + 46 * 60_000 + 3600_000);
    }
  });

  it("registers again when the cached one was made for the other flow", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    await harness.login({ useDeviceCode: true });
    await harness.login({ ui: { openBrowser: followInBrowser } });
    await harness.login({ ui: { openBrowser: followInBrowser } });

    expect(harness.emulator.counters.requests.RegisterClient).toBe(2);
  });

  it("registers again, once, when the service rejects the cached one", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    await harness.login({ useDeviceCode: true });

    await harness.restartEmulator();
    const result = await harness.login({ useDeviceCode: true });

    expect(result.flow).toBe("device");
    expect(harness.emulator.counters.invalidClient).toBe(1);
    expect(harness.emulator.counters.requests.RegisterClient).toBe(1);
    expect(harness.emulator.counters.requests.StartDeviceAuthorization).toBe(2);
  });

  it("replaces a cached registration that is not valid JSON, with a warning", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const filepath = sessionRegistrationPath();
    await ensureCacheDir(getCacheDir(harness.home));
    await writeFile(filepath, '{"clientId": "x", "clientSecret": "s3cr');

    await harness.login({ useDeviceCode: true });

    const warning = harness.events.find((event) => event.type === "warning");
    expect(warning).toEqual({
      type: "warning",
      message: expect.stringContaining(`${filepath} is unusable (it is not valid JSON)`),
    });
    expect(JSON.stringify(harness.events)).not.toContain("s3cr");
    expect((await readRegistration(filepath)).kind).toBe("found");
  });

  it("never shows the client secret when a registration is logged", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    await harness.login({ useDeviceCode: true });
    const filepath = sessionRegistrationPath();
    const read = await readRegistration(filepath);
    const secret = (JSON.parse(await readFile(filepath, "utf8")) as { clientSecret: string })
      .clientSecret;

    expect(read.kind).toBe("found");
    expect(inspect(read, { depth: 5 })).not.toContain(secret);
    expect(JSON.stringify(read)).not.toContain(secret);
    expect(read.kind === "found" && read.registration.clientSecret).toBe(secret);
  });
});
