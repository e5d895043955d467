import { CodeCatalystClient, ListSpacesCommand } from "@aws-sdk/client-codecatalyst";
import { fromEnvSigningName } from "@aws-sdk/token-providers";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import {
  bearerTokenEnvKey,
  defaultTokenProvider,
  EnvTokenIdentity,
  SsoTokenIdentity,
} from "../../src/index.js";
import {
  createSandbox,
  seedToken,
  sessionConfig,
  useSandboxEnv,
  type Sandbox,
} from "../helpers/sandbox.js";

const MINUTE = 60_000;
const ENV_KEY = "AWS_BEARER_TOKEN_CODECATALYST";

let emulator: Emulator;
let sandbox: Sandbox;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.stop();
});
beforeEach(async () => {
  sandbox = await createSandbox(sessionConfig("my-sso", "dev"), emulator);
  useSandboxEnv(sandbox);
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = emulator.url;
  emulator.resetCounters();
});
afterEach(async () => {
  delete process.env[ENV_KEY];
  delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
  await sandbox.cleanup();
});

function codeCatalyst(token: ReturnType<typeof defaultTokenProvider>, profile?: string) {
  return new CodeCatalystClient({
    region: "us-west-2",
    endpoint: emulator.url,
    maxAttempts: 1,
    token,
    ...(profile === undefined ? {} : { profile }),
  });
}

describe("defaultTokenProvider and AWS_BEARER_TOKEN_<SIGNING NAME>", () => {
  it("names the variable exactly as the SDK's fromEnvSigningName reads it", async () => {
    const names = ["bedrock", "codecatalyst", "Bedrock Runtime", "q-business", "a b-c\td"];
    for (const name of names) {
      const variable = bearerTokenEnvKey(name);
      process.env[variable] = `token-for-${name}`;
      try {
        const fromSdk = await fromEnvSigningName({ signingName: name })();
        expect(fromSdk.token).toBe(`token-for-${name}`);
      } finally {
        delete process.env[variable];
      }
    }
    expect(bearerTokenEnvKey("Bedrock Runtime")).toBe("AWS_BEARER_TOKEN_BEDROCK_RUNTIME");
  });

  it("uses the service's variable before the SSO session, in a real client", async () => {
    const issued = emulator.issueSession();
    process.env[ENV_KEY] = issued.accessToken;
    // No token is cached: only the variable can make this call succeed.
    const client = codeCatalyst(defaultTokenProvider({ signingName: "codecatalyst" }));

    const spaces = await client.send(new ListSpacesCommand({}));

    expect(spaces.items?.length).toBeGreaterThan(0);
    client.destroy();
  });

  it("returns the variable's token without expiration and hides it", async () => {
    process.env[ENV_KEY] = "secret-env-token";

    const identity = await defaultTokenProvider({ signingName: "codecatalyst" })();

    expect(identity).toBeInstanceOf(EnvTokenIdentity);
    expect(identity.token).toBe("secret-env-token");
    expect(identity.expiration).toBeUndefined();
    for (const text of [inspect(identity), JSON.stringify(identity), String(identity)]) {
      expect(text).not.toContain("secret-env-token");
      expect(text).toContain(ENV_KEY);
    }
  });

  it("refuses an empty variable with an error that names it", async () => {
    process.env[ENV_KEY] = "";

    const failure = defaultTokenProvider({ signingName: "codecatalyst" })();

    await expect(failure).rejects.toMatchObject({
      code: "BEARER_TOKEN_ENV_EMPTY",
      tryNextLink: false,
      message: expect.stringContaining(`${ENV_KEY} is set but empty`),
    });
  });

  it("reads no variable without a signing name", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    process.env[ENV_KEY] = "not-this-one";

    const identity = await defaultTokenProvider({ profile: "dev" })();

    expect(identity.token).toBe(seeded.accessToken);
    expect(identity).toBeInstanceOf(SsoTokenIdentity);
  });
});

describe("defaultTokenProvider memoization", () => {
  it("reuses a token until 5 minutes before its expiration, then asks the session", async () => {
    let nowMs = Date.now();
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE, nowMs });
    const provider = defaultTokenProvider({ profile: "dev", now: () => nowMs });

    const first = await provider();
    nowMs += 20 * MINUTE;
    const second = await provider();
    nowMs += 6 * MINUTE;
    const third = await provider();

    expect(first.token).toBe(seeded.accessToken);
    // The same object: the memo answered, not the session.
    expect(second).toBe(first);
    // 4 minutes left: inside the SDK's window and the session's, so it was refreshed.
    expect(third.token).not.toBe(seeded.accessToken);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
  });

  it("passes forceRefresh through to the session", async () => {
    const seeded = await seedToken(emulator, sandbox, { expiresInMs: 30 * MINUTE });
    const provider = defaultTokenProvider({ profile: "dev" });
    await provider();

    const forced = await provider({ forceRefresh: true } as never);

    expect(forced.token).not.toBe(seeded.accessToken);
    expect(emulator.counters.createTokenSuccesses.refresh_token).toBe(1);
  });

  it("keeps one memo per client profile, so each client gets its own session", async () => {
    await sandbox.cleanup();
    sandbox = await createSandbox(
      sessionConfig("first", "one") + sessionConfig("second", "two"),
      emulator,
    );
    useSandboxEnv(sandbox);
    const one = await seedToken(emulator, sandbox, { key: "first", expiresInMs: 30 * MINUTE });
    const two = await seedToken(emulator, sandbox, { key: "second", expiresInMs: 30 * MINUTE });
    const provider = defaultTokenProvider();
    emulator.revokeAccessToken(two.accessToken);

    const ok = await codeCatalyst(provider, "one").send(new ListSpacesCommand({}));
    const refused = codeCatalyst(provider, "two").send(new ListSpacesCommand({}));

    expect(ok.items?.length).toBeGreaterThan(0);
    // Profile two got its own (revoked) token, not the memo of profile one.
    await expect(refused).rejects.toMatchObject({ name: "AccessDeniedException" });
    expect((await provider({ callerClientConfig: { profile: "one" } } as never)).token).toBe(
      one.accessToken,
    );
  });
});
