import { GetRoleCredentialsCommand, TooManyRequestsException } from "@aws-sdk/client-sso";
import { ThrottlingException, VerifySessionCommand } from "@aws-sdk/client-codecatalyst";
import {
  CreateTokenCommand,
  InternalServerException,
  RegisterClientCommand,
  SlowDownException,
  type SSOOIDCClient,
} from "@aws-sdk/client-sso-oidc";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";

import { SsoTokenProviderError } from "../../src/errors/index.js";
import { startEmulator, type Emulator, type EmulatorFault } from "../../src/emulator/index.js";
import {
  codeCatalystClient,
  oidcClient,
  pollDevice,
  portalClient,
  rejectionOf,
  startDevice,
  stsClient,
  waitFor,
} from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function setUp() {
  emulator = await startEmulator({ autoApprove: true });
  return { emulator, client: oidcClient(emulator.url), session: emulator.issueSession() };
}

function refresh(
  client: SSOOIDCClient,
  session: { clientId: string; clientSecret: string },
  refreshToken: string,
) {
  return client.send(
    new CreateTokenCommand({
      clientId: session.clientId,
      clientSecret: session.clientSecret,
      grantType: "refresh_token",
      refreshToken,
    }),
  );
}

describe("injected faults", () => {
  it("server_error answers InternalServerException and changes nothing", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "server_error" });

    const error = await rejectionOf(refresh(client, session, session.refreshToken as string));

    expect(error).toBeInstanceOf(InternalServerException);
    expect(error.error).toBe("server_error");
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(true);
    expect(emulator.counters.faultsApplied).toBe(1);
    expect(emulator.pendingFaults).toBe(0);
  });

  it("throttle answers SSO OIDC with SlowDownException", async () => {
    const { emulator, client } = await setUp();
    emulator.injectFault({ operation: "RegisterClient", fault: "throttle" });

    const error = await rejectionOf(
      client.send(new RegisterClientCommand({ clientName: "x", clientType: "public" })),
    );
    expect(error).toBeInstanceOf(SlowDownException);
  });

  it("throttle answers the portal with 429 TooManyRequestsException", async () => {
    const { emulator, session } = await setUp();
    emulator.injectFault({ operation: "GetRoleCredentials", fault: "throttle" });

    const error = await rejectionOf(
      portalClient(emulator.url).send(
        new GetRoleCredentialsCommand({
          accessToken: session.accessToken,
          accountId: "111122223333",
          roleName: "ReadOnly",
        }),
      ),
    );
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect(error.$metadata.httpStatusCode).toBe(429);
  });

  it("throttle and server_error answer CodeCatalyst and STS in their own encodings", async () => {
    const { emulator, session } = await setUp();
    emulator.injectFault({ operation: "VerifySession", fault: "throttle" });
    const throttled = await rejectionOf(
      codeCatalystClient(emulator.url, session.accessToken).send(new VerifySessionCommand({})),
    );
    expect(throttled).toBeInstanceOf(ThrottlingException);

    emulator.injectFault({ operation: "GetCallerIdentity", fault: "server_error" });
    const sts = stsClient(emulator.url, { accessKeyId: "ASIAX", secretAccessKey: "x" });
    const failed = await rejectionOf(sts.send(new GetCallerIdentityCommand({})));
    expect(failed.name).toBe("InternalFailure");
    expect(failed.$metadata.httpStatusCode).toBe(500);

    emulator.injectFault({ operation: "GetCallerIdentity", fault: "throttle" });
    const slowed = await rejectionOf(sts.send(new GetCallerIdentityCommand({})));
    expect(slowed.name).toBe("Throttling");
  });

  it("server_error on /authorize shows a 500 page", async () => {
    const { emulator } = await setUp();
    emulator.injectFault({ operation: "Authorize", fault: "server_error" });
    const response = await fetch(`${emulator.url}/authorize?client_id=x`, { redirect: "manual" });
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("no_refresh_token answers without refreshToken and leaves the sent one usable", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "no_refresh_token" });

    const tokens = await refresh(client, session, session.refreshToken as string);

    expect(tokens.accessToken).toMatch(/^aoa/);
    expect(tokens.refreshToken).toBeUndefined();
    expect(emulator.isAccessTokenValid(tokens.accessToken as string)).toBe(true);
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(true);
  });

  it("no_access_token answers without accessToken and changes nothing", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "no_access_token" });

    const tokens = await refresh(client, session, session.refreshToken as string);

    expect(tokens.accessToken).toBeUndefined();
    expect(tokens.refreshToken).toBeUndefined();
    expect(tokens.expiresIn).toBe(3600);
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(true);
  });

  it("zero_expires_in issues tokens with expiresIn 0 that are already expired", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "zero_expires_in" });

    const tokens = await refresh(client, session, session.refreshToken as string);

    expect(tokens.expiresIn).toBe(0);
    expect(emulator.isAccessTokenValid(tokens.accessToken as string)).toBe(false);
    expect(emulator.isRefreshTokenValid(tokens.refreshToken as string)).toBe(true);
  });

  it("drop_connection closes the connection unanswered and changes nothing", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "drop_connection" });

    const error = await rejectionOf(refresh(client, session, session.refreshToken as string));

    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(String(error.code ?? error.message)).toMatch(/ECONNRESET|socket hang up/i);
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(true);
    expect(emulator.counters.createTokenFailures.refresh_token).toBe(1);
  });

  it("drop_response rotates the refresh token but never tells the client", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "drop_response" });

    const error = await rejectionOf(refresh(client, session, session.refreshToken as string));

    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(false);
  });

  it("delay answers normally, and stop() cuts a pending delay short", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 20 });
    const tokens = await refresh(client, session, session.refreshToken as string);
    expect(tokens.accessToken).toMatch(/^aoa/);

    emulator.injectFault({ operation: "CreateToken", fault: "delay", delayMs: 600_000 });
    const hanging = rejectionOf(refresh(client, session, tokens.refreshToken as string));
    await waitFor(() => emulator.counters.requests.CreateToken === 2);
    await emulator.stop();
    const error = await hanging;
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
  });

  it("takes faults oldest first, each for its count, then answers normally", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "server_error", count: 2 });
    emulator.injectFault({ operation: "CreateToken", fault: "throttle" });
    const token = session.refreshToken as string;

    expect(await rejectionOf(refresh(client, session, token))).toBeInstanceOf(
      InternalServerException,
    );
    expect(await rejectionOf(refresh(client, session, token))).toBeInstanceOf(
      InternalServerException,
    );
    expect(await rejectionOf(refresh(client, session, token))).toBeInstanceOf(SlowDownException);
    expect((await refresh(client, session, token)).accessToken).toMatch(/^aoa/);
    expect(emulator.counters.faultsApplied).toBe(3);
  });

  it("applies a fault with a grantType only to that grant type", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({
      operation: "CreateToken",
      grantType: "refresh_token",
      fault: "server_error",
    });

    const { clientId, clientSecret, device } = await startDevice(client);
    const login = await pollDevice(client, { clientId, clientSecret }, device.deviceCode as string);
    expect(login.accessToken).toMatch(/^aoa/);
    expect(emulator.pendingFaults).toBe(1);

    const error = await rejectionOf(refresh(client, session, session.refreshToken as string));
    expect(error).toBeInstanceOf(InternalServerException);
  });

  it("keeps an Infinity fault until clearFaults()", async () => {
    const { emulator, client, session } = await setUp();
    emulator.injectFault({ operation: "CreateToken", fault: "throttle", count: Infinity });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const error = await rejectionOf(refresh(client, session, session.refreshToken as string));
      expect(error).toBeInstanceOf(SlowDownException);
    }
    emulator.clearFaults();
    expect(
      (await refresh(client, session, session.refreshToken as string)).accessToken,
    ).toBeDefined();
  });

  it.each<[string, EmulatorFault]>([
    [
      "a token fault on another operation",
      { operation: "ListAccounts", fault: "no_refresh_token" },
    ],
    [
      "an error shape on the portal",
      { operation: "Logout", fault: { errorShape: "InvalidGrantException" } },
    ],
    [
      "an unknown error shape",
      { operation: "CreateToken", fault: { errorShape: "Nope" as never } },
    ],
    ["an unknown operation", { operation: "Nope" as never, fault: "server_error" }],
    [
      "grantType off CreateToken",
      { operation: "RegisterClient", grantType: "x", fault: "server_error" },
    ],
    ["a zero count", { operation: "CreateToken", fault: "server_error", count: 0 }],
    ["throttle on a page", { operation: "Authorize", fault: "throttle" }],
    ["delay without delayMs", { operation: "CreateToken", fault: "delay" }],
  ])("refuses %s with EMULATOR_INVALID_USAGE", async (_name, fault) => {
    const { emulator } = await setUp();
    let thrown: unknown;
    try {
      emulator.injectFault(fault);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SsoTokenProviderError);
    expect((thrown as SsoTokenProviderError).code).toBe("EMULATOR_INVALID_USAGE");
    expect((thrown as Error).message).toMatch(/injectFault/);
  });
});
