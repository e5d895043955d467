import { writeFile } from "node:fs/promises";

import { chain } from "@smithy/property-provider";
import { describe, expect, it } from "vitest";

import { fromSsoSession } from "../../src/index.js";
import {
  seedToken,
  sessionConfig,
  SSO_REGION,
  START_URL,
  useEmulatorSandbox,
} from "../helpers/sandbox.js";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

const context = useEmulatorSandbox();

const LEGACY_CONFIG = [
  "[profile old]",
  `sso_start_url = ${START_URL}`,
  `sso_region = ${SSO_REGION}`,
  "sso_account_id = 111122223333",
  "sso_role_name = ReadOnly",
  "",
].join("\n");

describe("fromSsoSession choosing the session", () => {
  it("names the session directly with ssoSession", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: 30 * MINUTE });

    const identity = await fromSsoSession({ ssoSession: "my-sso" })();

    expect(identity.token).toBe(seeded.accessToken);
  });

  it("takes the profile from AWS_PROFILE when none is given", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: 30 * MINUTE });
    process.env.AWS_PROFILE = "dev";
    try {
      const identity = await fromSsoSession()();
      expect(identity.token).toBe(seeded.accessToken);
    } finally {
      delete process.env.AWS_PROFILE;
    }
  });

  it("reads configFilepath instead of AWS_CONFIG_FILE", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, { expiresInMs: 30 * MINUTE });
    const elsewhere = `${context.sandbox.home}/other-config`;
    await writeFile(elsewhere, sessionConfig("my-sso", "elsewhere"));

    const identity = await fromSsoSession({ profile: "elsewhere", configFilepath: elsewhere })();

    expect(identity.token).toBe(seeded.accessToken);
  });

  it("lets a chain move on when the default profile has no SSO configuration", async () => {
    await writeFile(context.sandbox.configPath, "[default]\nregion = us-east-1\n");

    const identity = await chain(fromSsoSession(), async () => ({ token: "next-link" }))();

    expect(identity.token).toBe("next-link");
  });

  it("stops a chain when an explicitly named profile has no SSO configuration", async () => {
    await writeFile(context.sandbox.configPath, "[profile plain]\nregion = us-east-1\n");

    const failure = chain(fromSsoSession({ profile: "plain" }), async () => ({ token: "x" }))();

    await expect(failure).rejects.toMatchObject({ code: "PROFILE_NOT_SSO", tryNextLink: false });
  });

  it("stops a chain with its own message when the sso-session section is missing", async () => {
    await writeFile(context.sandbox.configPath, "[default]\nsso_session = gone\n");

    const failure = chain(fromSsoSession(), async () => ({ token: "x" }))();

    await expect(failure).rejects.toMatchObject({ code: "SSO_SESSION_NOT_FOUND" });
    await expect(failure).rejects.toThrow(context.sandbox.configPath);
  });

  it("sees an edited config file without a restart", async () => {
    await seedToken(context.emulator, context.sandbox, { key: "my-sso", expiresInMs: 30 * MINUTE });
    const other = await seedToken(context.emulator, context.sandbox, {
      key: "other",
      expiresInMs: 30 * MINUTE,
    });
    const tokens = fromSsoSession({ profile: "dev" });
    await tokens();

    await writeFile(context.sandbox.configPath, sessionConfig("other", "dev"));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const identity = await tokens();

    expect(identity.token).toBe(other.accessToken);
  });
});

describe("fromSsoSession with a legacy SSO profile", () => {
  it("serves the token cached under sha1(start URL) while it is valid, without refreshing", async () => {
    await writeFile(context.sandbox.configPath, LEGACY_CONFIG);
    const seeded = await seedToken(context.emulator, context.sandbox, {
      key: START_URL,
      nowMs: NOW,
      expiresInMs: 2 * MINUTE,
    });

    const identity = await fromSsoSession({ profile: "old", now: () => NOW })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
  });

  it("says an expired legacy token cannot be refreshed and names the profile's login", async () => {
    await writeFile(context.sandbox.configPath, LEGACY_CONFIG);
    await seedToken(context.emulator, context.sandbox, {
      key: START_URL,
      nowMs: NOW,
      expiresInMs: -MINUTE,
    });

    const failure = fromSsoSession({ profile: "old", now: () => NOW })();

    await expect(failure).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
    await expect(failure).rejects.toThrow("legacy SSO profile 'old'");
    await expect(failure).rejects.toThrow("cannot be refreshed");
    await expect(failure).rejects.toThrow("aws sso login --profile old");
    expect(context.emulator.counters.requests.CreateToken).toBe(0);
  });
});
