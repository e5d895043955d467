import { inspect } from "node:util";

import { describe, expect, it } from "vitest";

import { mergeRefreshedToken, newTokenRecord, TokenFile } from "../../src/cache/index.js";

const STATS = { mode: 0o600, uid: 1000, mtimeMs: 0 };

function tokenFile(record: Record<string, unknown>): TokenFile {
  return new TokenFile("/h/.aws/sso/cache/t.json", record, STATS);
}

const OLD = {
  startUrl: "https://x.awsapps.com/start",
  extra: { kept: true },
  region: "us-east-1",
  accessToken: "aoa-SECRET-old",
  expiresAt: "2026-01-01T00:00:00.250+00:00",
  clientId: "cid",
  clientSecret: "cs-SECRET",
  registrationExpiresAt: "2027-01-01T00:00:00.5Z",
  refreshToken: "aor-SECRET-old",
  tail: 1,
};

describe(mergeRefreshedToken.name, () => {
  const expiresAt = new Date("2026-02-02T10:00:00.900Z");

  it("replaces accessToken and expiresAt in place and keeps everything else", () => {
    const merged = mergeRefreshedToken(tokenFile(OLD), { accessToken: "aoa-new", expiresAt });

    expect(Object.keys(merged)).toEqual(Object.keys(OLD));
    expect(merged).toEqual({
      ...OLD,
      accessToken: "aoa-new",
      expiresAt: "2026-02-02T10:00:00Z",
    });
  });

  it("keeps the old refreshToken when none is given, replaces it when one is", () => {
    const old = tokenFile(OLD);
    const refreshed = (refreshToken?: string) =>
      mergeRefreshedToken(old, { accessToken: "a", expiresAt, refreshToken }).refreshToken;

    expect(refreshed()).toBe("aor-SECRET-old");
    expect(refreshed("")).toBe("aor-SECRET-old");
    expect(refreshed("aor-new")).toBe("aor-new");
  });

  it("appends keys the old record lacked, in a fixed order", () => {
    const old = tokenFile({ expiresAt: "2026-01-01T00:00:00Z", x: 1, accessToken: "a" });
    const merged = mergeRefreshedToken(old, { accessToken: "b", expiresAt, refreshToken: "r" });
    expect(Object.keys(merged)).toEqual(["expiresAt", "x", "accessToken", "refreshToken"]);
  });

  it("leaves the old file's record unchanged", () => {
    const old = tokenFile(OLD);
    mergeRefreshedToken(old, { accessToken: "b", expiresAt, refreshToken: "r" });
    expect(old.record).toEqual(OLD);
  });

  it("hides secrets from inspect and JSON.stringify of the result", () => {
    const merged = mergeRefreshedToken(tokenFile(OLD), { accessToken: "aoa-SECRET-n", expiresAt });
    expect(inspect(merged)).not.toContain("SECRET");
    expect(JSON.stringify(merged)).not.toContain("SECRET");
    expect(inspect(merged)).toContain("2026-02-02T10:00:00Z");
  });
});

describe(newTokenRecord.name, () => {
  const input = {
    refreshToken: "aor-SECRET",
    registrationExpiresAt: new Date("2027-03-03T16:43:02.700Z"),
    clientSecret: "cs-SECRET",
    clientId: "cid",
    expiresAt: new Date("2026-12-03T17:43:03.100Z"),
    accessToken: "aoa-SECRET",
    region: "us-east-1",
    startUrl: "https://x.awsapps.com/start",
  };

  it("uses the AWS CLI's key order and timestamp form", () => {
    const record = newTokenRecord(input);
    expect(Object.entries(record)).toEqual([
      ["startUrl", "https://x.awsapps.com/start"],
      ["region", "us-east-1"],
      ["accessToken", "aoa-SECRET"],
      ["expiresAt", "2026-12-03T17:43:03Z"],
      ["clientId", "cid"],
      ["clientSecret", "cs-SECRET"],
      ["registrationExpiresAt", "2027-03-03T16:43:02Z"],
      ["refreshToken", "aor-SECRET"],
    ]);
  });

  it("leaves refreshToken out when there is none", () => {
    const record = newTokenRecord({ ...input, refreshToken: undefined });
    expect(Object.keys(record)).not.toContain("refreshToken");
    expect(Object.keys(record)).toHaveLength(7);
  });

  it("hides secrets from logs", () => {
    expect(inspect(newTokenRecord(input))).not.toContain("SECRET");
    expect(JSON.stringify(newTokenRecord(input))).not.toContain("SECRET");
  });
});

describe(TokenFile.name, () => {
  it("exposes secrets through getters only", () => {
    const file = tokenFile(OLD);

    expect(file.accessToken).toBe("aoa-SECRET-old");
    expect(file.refreshToken).toBe("aor-SECRET-old");
    expect(file.clientSecret).toBe("cs-SECRET");
    expect(file.record.accessToken).toBe("aoa-SECRET-old");

    for (const shown of [
      inspect(file, { depth: Infinity, showHidden: false }),
      JSON.stringify(file),
      String(file),
      `${file}`,
      JSON.stringify({ ...file }),
      inspect({ ...file }),
      inspect(file.record),
      JSON.stringify(file.record),
      inspect({ nested: { deeper: file } }, { depth: Infinity }),
    ]) {
      expect(shown).not.toContain("SECRET");
    }
  });

  it("shows the safe fields and which secrets exist", () => {
    const shown = inspect(tokenFile(OLD));
    expect(shown).toContain("/h/.aws/sso/cache/t.json");
    expect(shown).toContain("2026-01-01T00:00:00.250Z");
    expect(shown).toContain("hasRefreshToken: true");
    expect(shown).toContain("mode: '0600'");
    expect(shown).toContain("accessToken: '[hidden]'");
  });

  it("keeps a deeply frozen copy of the record, leaving the caller's object alone", () => {
    const record = structuredClone(OLD);
    const file = tokenFile(record);

    expect(Object.isFrozen(file.record)).toBe(true);
    expect(Object.isFrozen(file.record.extra)).toBe(true);
    expect(Object.isFrozen(record.extra)).toBe(false);
    record.extra.kept = false;
    expect(file.record.extra).toEqual({ kept: true });
  });

  it("validates like readTokenFile", () => {
    expect(() => tokenFile({ accessToken: "a" })).toThrow("expiresAt is missing");
    expect(() => tokenFile({ accessToken: "a", expiresAt: "soon" })).toThrow(
      "The SSO token cache file /h/.aws/sso/cache/t.json is invalid: " +
        'expiresAt "soon" is not a timestamp. Log in again to replace it.',
    );
  });
});
