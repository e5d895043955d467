// Debian's AWS CLI v2 (/usr/bin/aws) against the emulator: token refresh from the cache, a
// bearer call, SSO role credentials, a SigV4-signed STS call and OIDC error mapping. The CLI
// reaches the emulator through the endpoint rule sets of prepareAwsCli, never real AWS.
// Without that CLI these tests are skipped, or fail in CI (see requireAwsCli).
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect } from "vitest";

import { startEmulator, type Emulator, type IssuedSession } from "../../src/emulator/index.js";
import { prepareAwsCli, requireAwsCli, type AwsCli } from "../helpers/awsCli.js";

const itWithCli = requireAwsCli();

let emulator: Emulator;
let home: string;
let cli: AwsCli;

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}

/** Writes the CLI's token cache file for sso-session `emu` from an issued session. */
async function writeTokenCache(session: IssuedSession): Promise<string> {
  const file = join(
    home,
    ".aws",
    "sso",
    "cache",
    `${createHash("sha1").update("emu").digest("hex")}.json`,
  );
  await writeFile(
    file,
    JSON.stringify({
      startUrl: "https://d-1234567890.awsapps.com/start",
      region: "us-east-1",
      accessToken: session.accessToken,
      expiresAt: isoSeconds(session.expiresAt),
      clientId: session.clientId,
      clientSecret: session.clientSecret,
      registrationExpiresAt: isoSeconds(session.registrationExpiresAt),
      refreshToken: session.refreshToken,
    }),
  );
  return file;
}

/** Runs `/usr/bin/aws` with `args` in the sandbox home, pointed at the emulator. */
function aws(...args: string[]) {
  return cli.run(args);
}

describe("the AWS CLI against the emulator", () => {
  beforeAll(async () => {
    emulator = await startEmulator();
    home = await mkdtemp(join(tmpdir(), "emulator-aws-cli-"));
    await mkdir(join(home, ".aws", "sso", "cache"), { recursive: true });
    const configPath = join(home, ".aws", "config");
    await writeFile(
      configPath,
      [
        "[sso-session emu]",
        "sso_start_url = https://d-1234567890.awsapps.com/start",
        "sso_region = us-east-1",
        "sso_registration_scopes = sso:account:access",
        "[profile bearer]",
        "sso_session = emu",
        "region = us-west-2",
        "[profile creds]",
        "sso_session = emu",
        "sso_account_id = 111122223333",
        "sso_role_name = ReadOnly",
        "region = us-east-1",
        "",
      ].join("\n"),
    );
    cli = await prepareAwsCli({ home, configPath, endpointUrl: emulator.url });
  });

  afterAll(async () => {
    await emulator?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  itWithCli(
    "refreshes an expired cached token through CreateToken, then calls CodeCatalyst with it",
    async () => {
      const session = emulator.issueSession({ accessTokenLifetimeSeconds: -60 });
      const cacheFile = await writeTokenCache(session);

      const result = await aws(
        "codecatalyst",
        "list-spaces",
        "--profile",
        "bearer",
        "--output",
        "json",
      );

      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout).items[0].name).toBe("emulated-space");
      const cached = JSON.parse(await readFile(cacheFile, "utf8"));
      expect(cached.accessToken).not.toBe(session.accessToken);
      expect(emulator.isAccessTokenValid(cached.accessToken)).toBe(true);
      expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(false);
      expect(emulator.isRefreshTokenValid(cached.refreshToken)).toBe(true);
    },
  );

  itWithCli(
    "gets role credentials from the portal and signs STS GetCallerIdentity with them",
    async () => {
      await writeTokenCache(emulator.issueSession());

      const result = await aws(
        "sts",
        "get-caller-identity",
        "--profile",
        "creds",
        "--output",
        "json",
      );

      expect(result.stderr).toBe("");
      expect(JSON.parse(result.stdout)).toMatchObject({
        Account: "111122223333",
        Arn: "arn:aws:sts::111122223333:assumed-role/ReadOnly/emulator-user",
      });
    },
  );

  itWithCli("maps an OIDC error through x-amzn-ErrorType, as for the SDKs", async () => {
    const session = emulator.issueSession();

    const result = await aws(
      "sso-oidc",
      "create-token",
      "--region",
      "us-east-1",
      "--client-id",
      session.clientId,
      "--client-secret",
      session.clientSecret,
      "--grant-type",
      "refresh_token",
      "--refresh-token",
      "aorNotIssued",
    );

    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(
      "(InvalidGrantException) when calling the CreateToken operation",
    );
  });
});
