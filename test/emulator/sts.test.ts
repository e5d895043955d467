import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";
import { ManualClock, portalClient, rejectionOf, stsClient } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function roleCredentials(
  options: EmulatorOptions = {},
  accountId = "111122223333",
  roleName = "ReadOnly",
) {
  emulator = await startEmulator(options);
  const session = emulator.issueSession();
  const { roleCredentials } = await portalClient(emulator.url).send(
    new GetRoleCredentialsCommand({ accessToken: session.accessToken, accountId, roleName }),
  );
  return {
    accessKeyId: roleCredentials?.accessKeyId as string,
    secretAccessKey: roleCredentials?.secretAccessKey as string,
    sessionToken: roleCredentials?.sessionToken as string,
  };
}

describe("STS GetCallerIdentity", () => {
  it("accepts a request signed with issued credentials, naming account and role", async () => {
    const credentials = await roleCredentials(
      { userName: "bob", accounts: [{ accountId: "444455556666", roles: ["Deploy"] }] },
      "444455556666",
      "Deploy",
    );

    const identity = await stsClient(emulator!.url, credentials).send(
      new GetCallerIdentityCommand({}),
    );

    expect(identity.Account).toBe("444455556666");
    expect(identity.Arn).toBe("arn:aws:sts::444455556666:assumed-role/Deploy/bob");
    expect(identity.UserId).toMatch(/^AROA[A-Z2-7]{17}:bob$/);
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects a request signed with a tampered secret with SignatureDoesNotMatch", async () => {
    const credentials = await roleCredentials();
    // A different first character, whatever the random secret starts with.
    const secret = credentials.secretAccessKey;
    const tampered = {
      ...credentials,
      secretAccessKey: `${secret.startsWith("x") ? "y" : "x"}${secret.slice(1)}`,
    };
    expect(tampered.secretAccessKey).not.toBe(secret);

    const error = await rejectionOf(
      stsClient(emulator!.url, tampered).send(new GetCallerIdentityCommand({})),
    );
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("rejects an unknown key id or a wrong session token with InvalidClientTokenId", async () => {
    const credentials = await roleCredentials();
    const client = (overrides: object) =>
      stsClient(emulator!.url, { ...credentials, ...overrides });

    const unknownKey = await rejectionOf(
      client({ accessKeyId: "ASIAAAAAAAAAAAAAAAAA" }).send(new GetCallerIdentityCommand({})),
    );
    expect(unknownKey.name).toBe("InvalidClientTokenId");

    const wrongToken = await rejectionOf(
      client({ sessionToken: "not-the-issued-token" }).send(new GetCallerIdentityCommand({})),
    );
    expect(wrongToken.name).toBe("InvalidClientTokenId");
  });

  it("rejects expired role credentials with ExpiredToken", async () => {
    const clock = new ManualClock();
    const credentials = await roleCredentials({
      now: clock.now,
      roleCredentialsLifetimeSeconds: 900,
    });
    clock.advance(900);

    const error = await rejectionOf(
      stsClient(emulator!.url, credentials).send(new GetCallerIdentityCommand({})),
    );
    expect(error.name).toBe("ExpiredToken");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("rejects an unsigned request with MissingAuthenticationToken", async () => {
    emulator = await startEmulator();
    const response = await fetch(`${emulator.url}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(response.status).toBe(403);
    const xml = await response.text();
    expect(xml).toContain("<Code>MissingAuthenticationToken</Code>");
    expect(xml).toContain(`<RequestId>${response.headers.get("x-amzn-requestid")}</RequestId>`);
  });
});
