import { readFile, stat } from "node:fs/promises";

import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { formatTimestamp, getTokenFilepath, readTokenFile } from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { createLoginHarness, sessionConfig, T0, type LoginHarness } from "./loginHarness.js";

beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});

let harness: LoginHarness;
afterEach(async () => {
  await harness?.close();
});

/** An approval hook that answers "pending" `pendingPolls` times, then `decision`. */
function decideAfter(pendingPolls: number, decision: "approve" | "deny" = "approve") {
  let asked = 0;
  return () => (asked++ < pendingPolls ? "pending" : decision);
}

describe("loginSession with the device-code flow", () => {
  it("polls through authorization_pending at the service's interval until approved", async () => {
    harness = await createLoginHarness({ approvalHook: decideAfter(2) });

    const result = await harness.login({ useDeviceCode: true });

    expect(harness.sleeps).toEqual([1000, 1000, 1000]);
    expect(harness.emulator.counters.createTokenFailures.device_code).toBe(2);
    expect(harness.emulator.counters.createTokenSuccesses.device_code).toBe(1);
    expect(result.flow).toBe("device");
    expect(result.refreshable).toBe(true);
    // expiresAt counts from when the successful CreateToken was sent: 3 s after the start.
    expect(result.expiresAt.getTime()).toBe(T0 + 3000 + 3600_000);
  });

  it("writes the token file in the AWS CLI's format, key order and mode 0600", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    const result = await harness.login({ useDeviceCode: true });

    const filepath = getTokenFilepath("my-sso", harness.home);
    expect(result.filepath).toBe(filepath);
    const record = JSON.parse(await readFile(filepath, "utf8")) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual([
      "startUrl",
      "region",
      "accessToken",
      "expiresAt",
      "clientId",
      "clientSecret",
      "registrationExpiresAt",
      "refreshToken",
    ]);
    expect(record.startUrl).toBe("https://d-1234567890.awsapps.com/start");
    expect(record.region).toBe("us-east-1");
    expect(record.expiresAt).toBe(formatTimestamp(new Date(T0 + 1000 + 3600_000)));
    expect(harness.emulator.isAccessTokenValid(record.accessToken as string)).toBe(true);
    expect(harness.emulator.isRefreshTokenValid(record.refreshToken as string)).toBe(true);
    expect((await stat(filepath)).mode & 0o777).toBe(0o600);
  });

  it("shows the code and opens the prefilled page once", async () => {
    harness = await createLoginHarness({ approvalHook: decideAfter(1) });

    await harness.login({ useDeviceCode: true });

    const shown = harness.events.find((event) => event.type === "device-code");
    expect(shown).toMatchObject({ userCode: expect.stringMatching(/^\w{4}-\w{4}$/) });
    const code = shown?.type === "device-code" ? shown.userCode : "";
    expect(harness.browserOpens).toEqual([`${harness.emulator.url}/device?user_code=${code}`]);
  });

  it("adds 5 seconds to the interval for the rest of the flow after slow_down", async () => {
    harness = await createLoginHarness({ approvalHook: decideAfter(2) });
    harness.emulator.injectFault({ operation: "CreateToken", fault: "throttle" });

    await harness.login({ useDeviceCode: true });

    expect(harness.sleeps).toEqual([1000, 6000, 6000, 6000]);
    expect(harness.events).toContainEqual({ type: "slow-down", intervalSeconds: 6 });
  });

  it("gets slow_down from the service when polling too fast, and obeys it", async () => {
    harness = await createLoginHarness({ approvalHook: decideAfter(1) });
    let sleeps = 0;
    const early = async (ms: number) => {
      harness.sleeps.push(ms);
      // The first two waits end after 200 ms by the emulator's clock, so the second poll
      // comes 200 ms after the first: faster than the 1 s interval.
      harness.clock.advance(sleeps++ < 2 ? 200 : ms);
    };

    await harness.login({ useDeviceCode: true, sleep: early });

    expect(harness.sleeps).toEqual([1000, 1000, 6000]);
    expect(harness.events.filter((event) => event.type === "slow-down")).toEqual([
      { type: "slow-down", intervalSeconds: 6 },
    ]);
  });

  it("stops at the code's expiresIn deadline without polling past it", async () => {
    harness = await createLoginHarness({
      approvalHook: () => "pending",
      deviceCodeLifetimeSeconds: 3,
    });

    const error = await harness.login({ useDeviceCode: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SsoTokenProviderError);
    expect((error as SsoTokenProviderError).code).toBe("LOGIN_FAILED");
    expect((error as Error).message.replace(/\w{4}-\w{4}/, "CODE")).toBe(
      "Login for sso-session 'my-sso' failed: the code CODE was not approved before it " +
        "expired. Run `sso-token-provider login --sso-session my-sso --use-device-code` again " +
        "and approve the new code.",
    );
    expect(harness.sleeps).toEqual([1000, 1000, 1000]);
    expect(harness.emulator.counters.requests.CreateToken).toBe(2);
    expect(await readTokenFile(getTokenFilepath("my-sso", harness.home))).toBeUndefined();
  });

  it("stops when the service answers expired_token", async () => {
    harness = await createLoginHarness({ approvalHook: () => "pending" });
    harness.emulator.injectFault({
      operation: "CreateToken",
      fault: { errorShape: "ExpiredTokenException" },
    });

    const error = await harness.login({ useDeviceCode: true }).catch((e: unknown) => e);

    expect((error as Error).message).toContain("was not approved before it expired");
    expect(harness.emulator.counters.requests.CreateToken).toBe(1);
  });

  it("stops when the person denies the request", async () => {
    harness = await createLoginHarness({ approvalHook: decideAfter(1, "deny") });

    const error = await harness.login({ useDeviceCode: true }).catch((e: unknown) => e);

    expect((error as SsoTokenProviderError).code).toBe("LOGIN_FAILED");
    expect((error as Error).message).toContain("the sign-in was denied in the browser");
    expect((error as Error).message).toContain("access_denied");
    expect(harness.emulator.counters.requests.CreateToken).toBe(2);
  });

  it("keeps polling through transient failures until it gets the token", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    harness.emulator.injectFault({ operation: "CreateToken", fault: "drop_connection" });
    harness.emulator.injectFault({ operation: "CreateToken", fault: "server_error" });

    const result = await harness.login({ useDeviceCode: true });

    expect(result.flow).toBe("device");
    expect(harness.sleeps).toEqual([1000, 1000, 1000]);
    expect(harness.events.filter((event) => event.type === "retrying")).toHaveLength(2);
  });

  it("warns and names the setting when no refresh token comes back", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    const result = await harness.login({
      useDeviceCode: true,
      config: sessionConfig({ registrationScopes: undefined }),
    });

    expect(result.refreshable).toBe(false);
    const warnings = harness.events.filter((event) => event.type === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      message: expect.stringContaining(
        "Add `sso_registration_scopes = sso:account:access` to [sso-session my-sso] in " +
          "/home/user/.aws/config",
      ),
    });
    const record = JSON.parse(await readFile(result.filepath, "utf8")) as Record<string, unknown>;
    expect(record).not.toHaveProperty("refreshToken");
  });

  it("signs a legacy profile in with the device flow and its start URL's cache key", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const legacy = sessionConfig({
      kind: "legacy",
      sessionName: undefined,
      profileName: "old",
      registrationScopes: undefined,
    });

    const result = await harness.login({ config: legacy });

    expect(result.flow).toBe("device");
    expect(result.filepath).toBe(getTokenFilepath(legacy.startUrl, harness.home));
    expect(harness.emulator.counters.requests.StartDeviceAuthorization).toBe(1);
  });
});
