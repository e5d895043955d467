import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach } from "vitest";

/**
 * Fresh folders under the system temp folder, removed after each test. Call at the top level
 * of a test file; use the returned function inside tests.
 */
export function useTempDirs(prefix = "sso-cache-test-"): () => Promise<string> {
  const dirs: string[] = [];

  afterEach(async () => {
    for (const dir of dirs.splice(0)) {
      // A test may have left a folder without write or search permission.
      await chmod(dir, 0o700).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** A valid record in the AWS CLI's key order, with fake secrets that contain `SECRET`. */
export function cliRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    startUrl: "https://d-1234567890.awsapps.com/start",
    region: "us-east-1",
    accessToken: "aoa-SECRET-access",
    expiresAt: "2026-12-03T17:43:03Z",
    clientId: "client-id-1",
    clientSecret: "cs-SECRET-client",
    registrationExpiresAt: "2027-03-03T16:43:02Z",
    refreshToken: "aor-SECRET-refresh",
    ...overrides,
  };
}

/** The CLI's `json.dumps` text of a flat record of strings and numbers. */
export function cliText(record: Record<string, unknown>): string {
  const members = Object.entries(record).map(([key, value]) => {
    return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{${members.join(", ")}}`;
}

export { join };
