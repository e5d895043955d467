import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  UnauthorizedException,
  paginateListAccounts,
} from "@aws-sdk/client-sso";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { ManualClock, portalClient, rejectionOf } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe("SSO portal", () => {
  it("issues role credentials for an assigned role, expiring per the clock", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now, roleCredentialsLifetimeSeconds: 1800 });
    const session = emulator.issueSession();

    const { roleCredentials } = await portalClient(emulator.url).send(
      new GetRoleCredentialsCommand({
        accessToken: session.accessToken,
        accountId: "111122223333",
        roleName: "ReadOnly",
      }),
    );

    expect(roleCredentials?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(roleCredentials?.secretAccessKey).toHaveLength(40);
    expect(roleCredentials?.sessionToken?.length).toBeGreaterThan(100);
    expect(roleCredentials?.expiration).toBe(clock.ms + 1_800_000);
    expect(emulator.counters.roleCredentialsIssued).toBe(1);
  });

  it("refuses a role that is not assigned with ForbiddenException", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();

    const error = await rejectionOf(
      portalClient(emulator.url).send(
        new GetRoleCredentialsCommand({
          accessToken: session.accessToken,
          accountId: "111122223333",
          roleName: "Admin",
        }),
      ),
    );
    expect(error.name).toBe("ForbiddenException");
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it("answers an unknown, expired or revoked token with UnauthorizedException", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now });
    const client = portalClient(emulator.url);
    const call = (accessToken: string) =>
      rejectionOf(
        client.send(
          new GetRoleCredentialsCommand({
            accessToken,
            accountId: "111122223333",
            roleName: "ReadOnly",
          }),
        ),
      );

    const unknown = await call("aoaNeverIssued");
    expect(unknown).toBeInstanceOf(UnauthorizedException);
    expect(unknown.$metadata.httpStatusCode).toBe(401);
    expect(unknown.message).toBe("Session token not found or invalid");

    const revoked = emulator.issueSession();
    expect(emulator.revokeAccessToken(revoked.accessToken)).toBe(true);
    expect(await call(revoked.accessToken)).toBeInstanceOf(UnauthorizedException);

    const expiring = emulator.issueSession({ accessTokenLifetimeSeconds: 60 });
    clock.advance(60);
    expect(await call(expiring.accessToken)).toBeInstanceOf(UnauthorizedException);
  });

  it("lists accounts and roles from the accounts option, page by page", async () => {
    emulator = await startEmulator({
      accounts: [
        { accountId: "111111111111", accountName: "Dev", roles: ["ReadOnly", "Admin"] },
        { accountId: "222222222222", roles: ["Deploy"] },
        { accountId: "333333333333", emailAddress: "ops@example.com", roles: ["Ops"] },
      ],
    });
    const session = emulator.issueSession();
    const client = portalClient(emulator.url);

    const accounts = [];
    for await (const page of paginateListAccounts(
      { client, pageSize: 2 },
      { accessToken: session.accessToken },
    )) {
      expect(page.accountList?.length).toBeLessThanOrEqual(2);
      accounts.push(...(page.accountList ?? []));
    }
    expect(accounts).toEqual([
      {
        accountId: "111111111111",
        accountName: "Dev",
        emailAddress: "aws+111111111111@example.com",
      },
      {
        accountId: "222222222222",
        accountName: "Account 222222222222",
        emailAddress: "aws+222222222222@example.com",
      },
      {
        accountId: "333333333333",
        accountName: "Account 333333333333",
        emailAddress: "ops@example.com",
      },
    ]);

    const roles = await client.send(
      new ListAccountRolesCommand({ accessToken: session.accessToken, accountId: "111111111111" }),
    );
    expect(roles.roleList).toEqual([
      { roleName: "ReadOnly", accountId: "111111111111" },
      { roleName: "Admin", accountId: "111111111111" },
    ]);
    expect(roles.nextToken).toBeUndefined();
  });

  it("lists the default account when none is configured", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();
    const result = await portalClient(emulator.url).send(
      new ListAccountsCommand({ accessToken: session.accessToken }),
    );
    expect(result.accountList).toEqual([
      {
        accountId: "111122223333",
        accountName: "Emulated account",
        emailAddress: "aws+111122223333@example.com",
      },
    ]);
  });

  it("logs out: the access token stops working, its refresh token does not", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();
    const client = portalClient(emulator.url);

    await client.send(new LogoutCommand({ accessToken: session.accessToken }));

    expect(emulator.isAccessTokenValid(session.accessToken)).toBe(false);
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(true);
    const error = await rejectionOf(
      client.send(new ListAccountsCommand({ accessToken: session.accessToken })),
    );
    expect(error).toBeInstanceOf(UnauthorizedException);
  });
});
