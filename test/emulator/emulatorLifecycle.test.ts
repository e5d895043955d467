import { Agent, request } from "node:http";
import type { Socket } from "node:net";
import { inspect } from "node:util";

import { CodeCatalystClient, VerifySessionCommand } from "@aws-sdk/client-codecatalyst";
import { GetRoleCredentialsCommand, SSOClient } from "@aws-sdk/client-sso";
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient } from "@aws-sdk/client-sso-oidc";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { afterEach, describe, expect, it } from "vitest";

import { SsoTokenProviderError } from "../../src/errors/index.js";
import {
  emulatorEnvironment,
  emulatorEnvironmentLines,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type EmulatorRequestEvent,
} from "../../src/emulator/index.js";
import { oidcClient, pollDevice, startDevice } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function startFailure(options: EmulatorOptions): Promise<SsoTokenProviderError> {
  try {
    const started = await startEmulator(options);
    await started.stop();
  } catch (error) {
    expect(error).toBeInstanceOf(SsoTokenProviderError);
    return error as SsoTokenProviderError;
  }
  throw new Error("expected startEmulator to fail");
}

describe("startEmulator and the Emulator object", () => {
  it("listens on 127.0.0.1 on a free port", async () => {
    emulator = await startEmulator();
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
    expect(emulator.port).toBeGreaterThan(0);
  });

  it.each<[string, EmulatorOptions, RegExp]>([
    ["a negative port", { port: -1 }, /`port`/],
    ["a fractional lifetime", { accessTokenLifetimeSeconds: 1.5 }, /`accessTokenLifetimeSeconds`/],
    ["a clock that is not a function", { now: 5 as never }, /`now`/],
    [
      "an account id of 3 digits",
      { accounts: [{ accountId: "123", roles: ["R"] }] },
      /accounts\[0\]\.accountId/,
    ],
    [
      "an account without roles",
      { accounts: [{ accountId: "123456789012", roles: [] }] },
      /accounts\[0\]\.roles/,
    ],
    ["a space without a name", { spaces: [{} as never] }, /spaces\[0\]\.name/],
  ])(
    "refuses %s with EMULATOR_INVALID_USAGE naming the option",
    async (_name, options, pattern) => {
      const error = await startFailure(options);
      expect(error.code).toBe("EMULATOR_INVALID_USAGE");
      expect(error.message).toMatch(pattern);
    },
  );

  it("fails with EMULATOR_START_FAILED when the port is taken", async () => {
    emulator = await startEmulator();
    const error = await startFailure({ port: emulator.port });
    expect(error.code).toBe("EMULATOR_START_FAILED");
    expect(error.message).toContain(String(emulator.port));
  });

  it("closes kept-alive connections when stopped, and stop() can be called twice", async () => {
    emulator = await startEmulator();
    const agent = new Agent({ keepAlive: true });
    const socket = await new Promise<Socket>((resolve, reject) => {
      const outgoing = request(`${emulator!.url}/device`, { agent }, (response) => {
        response.resume();
        response.on("end", () => resolve(outgoing.socket as Socket));
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
    const closed = new Promise((resolve) => socket.once("close", resolve));

    await emulator.stop();
    await closed;
    await emulator.stop();
    agent.destroy();

    const refused = await fetch(`${emulator.url}/device`).then(
      () => "answered",
      () => "refused",
    );
    expect(refused).toBe("refused");
  });

  it("gives the endpoint variables of all four services, and shell lines for them", () => {
    const url = "http://127.0.0.1:4545";
    expect(emulatorEnvironment(`${url}/`)).toEqual({
      AWS_ENDPOINT_URL_SSO_OIDC: url,
      AWS_ENDPOINT_URL_SSO: url,
      AWS_ENDPOINT_URL_CODECATALYST: url,
      AWS_ENDPOINT_URL_STS: url,
    });
    expect(emulatorEnvironmentLines(url)[0]).toBe(`export AWS_ENDPOINT_URL_SSO_OIDC=${url}`);
    expect(emulatorEnvironmentLines(url, "powershell")[1]).toBe(
      `$env:AWS_ENDPOINT_URL_SSO = "${url}"`,
    );
    expect(emulatorEnvironmentLines(url, "cmd")[3]).toBe(`set AWS_ENDPOINT_URL_STS=${url}`);
    expect(() => emulatorEnvironment("not a url")).toThrow(SsoTokenProviderError);
  });

  it("is reached by the four official clients set up only by the environment", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();
    const saved = { ...process.env };
    Object.assign(process.env, emulator.environment());
    try {
      const common = { region: "eu-west-1", maxAttempts: 1 };
      await new SSOOIDCClient(common).send(
        new RegisterClientCommand({ clientName: "env", clientType: "public" }),
      );
      const { roleCredentials } = await new SSOClient(common).send(
        new GetRoleCredentialsCommand({
          accessToken: session.accessToken,
          accountId: "111122223333",
          roleName: "ReadOnly",
        }),
      );
      await new CodeCatalystClient({ ...common, token: { token: session.accessToken } }).send(
        new VerifySessionCommand({}),
      );
      const identity = await new STSClient({
        ...common,
        credentials: {
          accessKeyId: roleCredentials?.accessKeyId as string,
          secretAccessKey: roleCredentials?.secretAccessKey as string,
          sessionToken: roleCredentials?.sessionToken as string,
        },
      }).send(new GetCallerIdentityCommand({}));

      expect(identity.Account).toBe("111122223333");
      const { requests } = emulator.counters;
      expect([requests.RegisterClient, requests.GetRoleCredentials]).toEqual([1, 1]);
      expect([requests.VerifySession, requests.GetCallerIdentity]).toEqual([1, 1]);
    } finally {
      process.env = saved;
    }
  });

  it("never shows secrets in inspect or JSON of the emulator and issued sessions", async () => {
    emulator = await startEmulator();
    const session = emulator.issueSession();

    expect(JSON.stringify(emulator)).toBe(JSON.stringify({ url: emulator.url }));
    expect(inspect(emulator)).toBe(`Emulator { url: '${emulator.url}' }`);
    const shown = `${inspect(session)} ${JSON.stringify(session)}`;
    expect(shown).toContain(session.clientId);
    expect(shown).toContain("[redacted]");
    for (const secret of [
      session.clientSecret,
      session.accessToken,
      session.refreshToken as string,
    ]) {
      expect(shown).not.toContain(secret);
    }
    // Fields and spread copies keep the values, so tests can write cache files from them.
    expect(JSON.parse(JSON.stringify({ ...session })).accessToken).toBe(session.accessToken);
  });

  it("issues sessions with the requested lifetimes and scopes", async () => {
    emulator = await startEmulator({ now: () => Date.UTC(2030, 0, 1) });
    const start = Date.UTC(2030, 0, 1);

    const session = emulator.issueSession({
      accessTokenLifetimeSeconds: 120,
      registrationLifetimeSeconds: 600,
    });
    expect(session.expiresAt).toEqual(new Date(start + 120_000));
    expect(session.registrationExpiresAt).toEqual(new Date(start + 600_000));
    expect(session.scopes).toEqual(["sso:account:access"]);

    const expired = emulator.issueSession({ accessTokenLifetimeSeconds: -60 });
    expect(emulator.isAccessTokenValid(expired.accessToken)).toBe(false);

    const scopeless = emulator.issueSession({ scopes: [] });
    expect(scopeless.refreshToken).toBeUndefined();
    expect(() => emulator!.issueSession({ accessTokenLifetimeSeconds: 0.5 })).toThrow(
      /accessTokenLifetimeSeconds/,
    );
  });

  it("counts requests and outcomes, and resets the counts", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    await pollDevice(client, { clientId, clientSecret }, device.deviceCode as string);

    const counters = emulator.counters;
    expect(counters.requests.RegisterClient).toBe(1);
    expect(counters.requests.StartDeviceAuthorization).toBe(1);
    expect(counters.requests.CreateToken).toBe(1);
    expect(counters.createTokenSuccesses.device_code).toBe(1);
    expect(counters.accessTokensIssued).toBe(1);
    expect(counters.refreshTokensIssued).toBe(1);
    expect(counters.errors).toBe(0);

    counters.requests.CreateToken = 99;
    expect(emulator.counters.requests.CreateToken).toBe(1);
    emulator.resetCounters();
    expect(emulator.counters.requests.CreateToken).toBe(0);
    expect(emulator.counters.createTokenSuccesses.device_code).toBe(0);
  });

  it("reports each request to onRequest without tokens or codes", async () => {
    const events: EmulatorRequestEvent[] = [];
    emulator = await startEmulator({ autoApprove: true, onRequest: (event) => events.push(event) });
    const client = oidcClient(emulator.url);
    const { clientId, clientSecret, device } = await startDevice(client);
    const tokens = await pollDevice(
      client,
      { clientId, clientSecret },
      device.deviceCode as string,
    );
    await client
      .send(
        new CreateTokenCommand({
          clientId,
          clientSecret,
          grantType: "refresh_token",
          refreshToken: "aorX",
        }),
      )
      .catch(() => undefined);

    expect(events.map((event) => [event.operation, event.status, event.error])).toEqual([
      ["RegisterClient", 200, undefined],
      ["StartDeviceAuthorization", 200, undefined],
      ["CreateToken", 200, undefined],
      ["CreateToken", 400, "InvalidGrantException"],
    ]);
    expect(events[3]?.grantType).toBe("refresh_token");
    const text = JSON.stringify(events);
    for (const secret of [
      clientSecret,
      device.deviceCode,
      tokens.accessToken,
      tokens.refreshToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("still answers correctly with latency added", async () => {
    emulator = await startEmulator({ latencyMs: 5 });
    const response = await fetch(`${emulator.url}/device`);
    expect(response.status).toBe(200);
  });
});
