import {
  CreateTokenCommand,
  InvalidClientException,
  InvalidGrantException,
  RegisterClientCommand,
  UnauthorizedClientException,
  type SSOOIDCClient,
} from "@aws-sdk/client-sso-oidc";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { ManualClock, oidcClient, pollDevice, rejectionOf, startDevice } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function refresh(
  client: SSOOIDCClient,
  ids: { clientId: string; clientSecret: string },
  refreshToken: string,
) {
  return client.send(new CreateTokenCommand({ ...ids, grantType: "refresh_token", refreshToken }));
}

describe("refresh_token grant", () => {
  it("rotates: each refresh returns new tokens and the old one stops working", async () => {
    emulator = await startEmulator({ accessTokenLifetimeSeconds: 900 });
    const client = oidcClient(emulator.url);
    const session = emulator.issueSession();

    const first = await refresh(client, session, session.refreshToken as string);
    expect(first.expiresIn).toBe(900);
    expect(first.accessToken).not.toBe(session.accessToken);
    expect(first.refreshToken).toMatch(/^aor/);
    expect(first.refreshToken).not.toBe(session.refreshToken);
    expect(emulator.isRefreshTokenValid(session.refreshToken as string)).toBe(false);

    const stale = await rejectionOf(refresh(client, session, session.refreshToken as string));
    expect(stale).toBeInstanceOf(InvalidGrantException);
    expect(stale.error).toBe("invalid_grant");
    expect(stale.$metadata.httpStatusCode).toBe(400);

    const second = await refresh(client, session, first.refreshToken as string);
    expect(second.accessToken).toMatch(/^aoa/);
    expect(emulator.counters.invalidGrant).toBe(1);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(2);
    expect(emulator.counters.createTokenFailures.refresh_token).toBe(1);
  });

  it("keeps earlier access tokens valid until they expire", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();
    await refresh(oidcClient(emulator.url), session, session.refreshToken as string);
    expect(emulator.isAccessTokenValid(session.accessToken)).toBe(true);
  });

  it("lets exactly one of two concurrent refreshes with the same token succeed", async () => {
    emulator = await startEmulator();
    const client = oidcClient(emulator.url);
    const session = emulator.issueSession();

    const results = await Promise.allSettled([
      refresh(client, session, session.refreshToken as string),
      refresh(client, session, session.refreshToken as string),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((result) => result.status === "rejected");
    expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects an unknown refresh token and one of another client with invalid_grant", async () => {
    emulator = await startEmulator();
    const client = oidcClient(emulator.url);
    const mine = emulator.issueSession();
    const theirs = emulator.issueSession();

    expect(await rejectionOf(refresh(client, mine, "aorNotIssued"))).toBeInstanceOf(
      InvalidGrantException,
    );
    expect(await rejectionOf(refresh(client, mine, theirs.refreshToken as string))).toBeInstanceOf(
      InvalidGrantException,
    );
    expect(emulator.isRefreshTokenValid(theirs.refreshToken as string)).toBe(true);
  });

  it("rejects a wrong secret, unknown client or expired registration: invalid_client", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now, registrationLifetimeSeconds: 3600 });
    const client = oidcClient(emulator.url);
    const session = emulator.issueSession();
    const token = session.refreshToken as string;

    const wrongSecret = await rejectionOf(
      refresh(client, { clientId: session.clientId, clientSecret: "wrong" }, token),
    );
    expect(wrongSecret).toBeInstanceOf(InvalidClientException);
    expect(wrongSecret.$metadata.httpStatusCode).toBe(401);
    expect(wrongSecret.error).toBe("invalid_client");

    const unknown = await rejectionOf(
      refresh(client, { clientId: "unknown", clientSecret: session.clientSecret }, token),
    );
    expect(unknown).toBeInstanceOf(InvalidClientException);

    clock.advance(3600);
    const expired = await rejectionOf(refresh(client, session, token));
    expect(expired).toBeInstanceOf(InvalidClientException);
    expect(expired.error_description).toBe("Client registration has expired");
    expect(emulator.counters.invalidClient).toBe(3);
  });

  it("stops accepting a login's refresh tokens after the session lifetime", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now, sessionLifetimeSeconds: 7200 });
    const client = oidcClient(emulator.url);
    const session = emulator.issueSession();

    clock.advance(3600);
    const rotated = await refresh(client, session, session.refreshToken as string);
    clock.advance(3600);
    const error = await rejectionOf(refresh(client, session, rotated.refreshToken as string));

    expect(error).toBeInstanceOf(InvalidGrantException);
  });

  it("refuses the refresh grant to a client that registered grant types without it", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const client = oidcClient(emulator.url);
    const registration = await client.send(
      new RegisterClientCommand({
        clientName: "codes-only",
        clientType: "public",
        grantTypes: ["urn:ietf:params:oauth:grant-type:device_code"],
        scopes: ["sso:account:access"],
      }),
    );
    const ids = {
      clientId: registration.clientId as string,
      clientSecret: registration.clientSecret as string,
    };

    const error = await rejectionOf(refresh(client, ids, "aorWhatever"));
    expect(error).toBeInstanceOf(UnauthorizedClientException);
  });

  it("issues refresh tokens from the device flow that refresh like any other", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ autoApprove: true, now: clock.now });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    const ids = { clientId, clientSecret };
    const login = await pollDevice(client, ids, device.deviceCode as string);

    clock.advance(3600);
    expect(emulator.isAccessTokenValid(login.accessToken as string)).toBe(false);
    const refreshed = await refresh(client, ids, login.refreshToken as string);
    expect(emulator.isAccessTokenValid(refreshed.accessToken as string)).toBe(true);
  });
});
