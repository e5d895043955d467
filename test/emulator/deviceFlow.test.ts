import {
  AccessDeniedException,
  AuthorizationPendingException,
  ExpiredTokenException,
  InvalidGrantException,
  SlowDownException,
} from "@aws-sdk/client-sso-oidc";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type ApprovalRequest, type Emulator } from "../../src/emulator/index.js";
import { ManualClock, oidcClient, pollDevice, rejectionOf, startDevice } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe("device authorization flow", () => {
  it("answers StartDeviceAuthorization with codes, pages and the configured timings", async () => {
    emulator = await startEmulator({
      deviceCodeLifetimeSeconds: 300,
      deviceCodeIntervalSeconds: 2,
    });
    const { device } = await startDevice(oidcClient(emulator.url));

    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.deviceCode).toMatch(/^[\w-]{40,}$/);
    expect(device.verificationUri).toBe(`${emulator.url}/device`);
    expect(device.verificationUriComplete).toBe(
      `${emulator.url}/device?user_code=${device.userCode}`,
    );
    expect(device.expiresIn).toBe(300);
    expect(device.interval).toBe(2);
  });

  it("stays pending until approve() is called, then issues tokens once", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    const ids = { clientId, clientSecret };

    const pending = await rejectionOf(pollDevice(client, ids, device.deviceCode as string));
    expect(pending).toBeInstanceOf(AuthorizationPendingException);
    expect(pending.error).toBe("authorization_pending");

    expect(emulator.approve(device.userCode as string)).toBe(true);
    clock.advance(1);
    const tokens = await pollDevice(client, ids, device.deviceCode as string);
    expect(tokens.tokenType).toBe("Bearer");
    expect(tokens.expiresIn).toBe(3600);
    expect(emulator.isAccessTokenValid(tokens.accessToken as string)).toBe(true);
    expect(emulator.isRefreshTokenValid(tokens.refreshToken as string)).toBe(true);

    clock.advance(1);
    const reused = await rejectionOf(pollDevice(client, ids, device.deviceCode as string));
    expect(reused).toBeInstanceOf(InvalidGrantException);
    expect(emulator.approve(device.userCode as string)).toBe(false);
  });

  it("asks the approval hook on each poll until it decides", async () => {
    const clock = new ManualClock();
    const asked: ApprovalRequest[] = [];
    emulator = await startEmulator({
      now: clock.now,
      approvalHook: (request) => {
        asked.push(request);
        return asked.length < 3 ? "pending" : "approve";
      },
    });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    const ids = { clientId, clientSecret };

    for (let poll = 0; poll < 2; poll += 1) {
      const error = await rejectionOf(pollDevice(client, ids, device.deviceCode as string));
      expect(error).toBeInstanceOf(AuthorizationPendingException);
      clock.advance(1);
    }
    const tokens = await pollDevice(client, ids, device.deviceCode as string);

    expect(tokens.accessToken).toMatch(/^aoa/);
    expect(asked).toHaveLength(3);
    expect(asked[0]).toMatchObject({
      kind: "device",
      clientId,
      clientName: "test-client",
      userCode: device.userCode,
      startUrl: "https://d-1234567890.awsapps.com/start",
      scopes: ["sso:account:access"],
    });
    expect(JSON.stringify(asked)).not.toContain(device.deviceCode);
  });

  it("answers access_denied when denied by the hook or by deny()", async () => {
    emulator = await startEmulator({ approvalHook: () => "deny" });
    const client = oidcClient(emulator.url);
    const hooked = await startDevice(client);
    const denied = await rejectionOf(
      pollDevice(client, hooked, hooked.device.deviceCode as string),
    );
    expect(denied).toBeInstanceOf(AccessDeniedException);
    expect(denied.error).toBe("access_denied");
    await emulator.stop();

    emulator = await startEmulator();
    const manual = await startDevice(oidcClient(emulator.url));
    expect(emulator.deny(manual.device.deviceCode as string)).toBe(true);
    const error = await rejectionOf(
      pollDevice(oidcClient(emulator.url), manual, manual.device.deviceCode as string),
    );
    expect(error).toBeInstanceOf(AccessDeniedException);
  });

  it("answers slow_down to a poll that comes before the interval has passed", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now, deviceCodeIntervalSeconds: 5 });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    const ids = { clientId, clientSecret };
    const code = device.deviceCode as string;

    await rejectionOf(pollDevice(client, ids, code));
    clock.advance(2);
    const tooSoon = await rejectionOf(pollDevice(client, ids, code));
    expect(tooSoon).toBeInstanceOf(SlowDownException);
    expect(tooSoon.error).toBe("slow_down");

    clock.advance(5);
    const onTime = await rejectionOf(pollDevice(client, ids, code));
    expect(onTime).toBeInstanceOf(AuthorizationPendingException);
  });

  it("answers expired_token once the device code has expired", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now, deviceCodeLifetimeSeconds: 60 });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);

    clock.advance(60);
    const error = await rejectionOf(
      pollDevice(client, { clientId, clientSecret }, device.deviceCode as string),
    );
    expect(error).toBeInstanceOf(ExpiredTokenException);
    expect(error.error).toBe("expired_token");
    expect(emulator.approve(device.userCode as string)).toBe(false);
    expect(emulator.pendingApprovals()).toEqual([]);
  });

  it("issues no refresh token when the client registered no scopes", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client, []);

    const tokens = await pollDevice(
      client,
      { clientId, clientSecret },
      device.deviceCode as string,
    );

    expect(tokens.accessToken).toMatch(/^aoa/);
    expect(tokens.refreshToken).toBeUndefined();
  });

  it("lists pending device codes without secrets", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now });
    const { clientId, clientSecret, device } = await startDevice(oidcClient(emulator.url));

    const pending = emulator.pendingApprovals();

    expect(pending).toEqual([
      {
        kind: "device",
        clientId,
        clientName: "test-client",
        scopes: ["sso:account:access"],
        createdAt: new Date(clock.ms),
        expiresAt: new Date(clock.ms + 600_000),
        userCode: device.userCode,
        startUrl: "https://d-1234567890.awsapps.com/start",
        verificationUriComplete: device.verificationUriComplete,
      },
    ]);
    const text = JSON.stringify(pending);
    expect(text).not.toContain(device.deviceCode);
    expect(text).not.toContain(clientSecret);
  });

  it("links pending device codes from the overview page at /", async () => {
    emulator = await startEmulator();
    const { device } = await startDevice(oidcClient(emulator.url));

    const response = await fetch(`${emulator.url}/`);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain(`AWS_ENDPOINT_URL_SSO_OIDC=${emulator.url}`);
    expect(html).toContain(`href="/device?user_code=${device.userCode}"`);
    expect(html).not.toContain(device.deviceCode);
  });

  it("lets a person approve on the verification page", async () => {
    emulator = await startEmulator();
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);

    const entry = await fetch(device.verificationUri as string);
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain('name="user_code"');

    const page = await fetch(device.verificationUriComplete as string);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(device.userCode);
    expect(html).toContain('action="/device/decision"');
    expect(html).not.toContain(device.deviceCode);

    const decision = await fetch(`${emulator.url}/device/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ user_code: device.userCode as string, decision: "approve" }),
    });
    expect(decision.status).toBe(200);
    expect(await decision.text()).toContain("Request approved");

    const tokens = await pollDevice(
      client,
      { clientId, clientSecret },
      device.deviceCode as string,
    );
    expect(tokens.accessToken).toMatch(/^aoa/);
  });

  it("shows 404 for an unknown user code on the verification page", async () => {
    emulator = await startEmulator();
    const response = await fetch(`${emulator.url}/device?user_code=BBBB-CCCC`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No device authorization has this code");
  });

  it("rejects a device code of another client with invalid_grant", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const client = oidcClient(emulator.url);
    const first = await startDevice(client);
    const second = await startDevice(client);

    const error = await rejectionOf(pollDevice(client, second, first.device.deviceCode as string));
    expect(error).toBeInstanceOf(InvalidGrantException);
  });
});
