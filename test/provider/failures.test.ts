import { inspect } from "node:util";

import { describe, expect, it } from "vitest";

import { fromSsoSession, SsoTokenProviderError } from "../../src/index.js";
import { captureLogger } from "../helpers/captureLogger.js";
import { seedToken, useEmulatorSandbox } from "../helpers/sandbox.js";

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 3, 12, 0, 0);

const context = useEmulatorSandbox();

function provider(extra: Parameters<typeof fromSsoSession>[0] = {}) {
  return fromSsoSession({
    profile: "dev",
    now: () => NOW,
    // One attempt per refresh, so each injected fault is seen exactly once.
    clientConfig: { endpoint: context.emulator.url, maxAttempts: 1 },
    ...extra,
  });
}

// Every error the SSO OIDC model lists for CreateToken, with the `error` code the service sends.
const CREATE_TOKEN_ERRORS = [
  ["InvalidRequestException", "invalid_request"],
  ["InvalidClientException", "invalid_client"],
  ["InvalidGrantException", "invalid_grant"],
  ["UnauthorizedClientException", "unauthorized_client"],
  ["UnsupportedGrantTypeException", "unsupported_grant_type"],
  ["InvalidScopeException", "invalid_scope"],
  ["AuthorizationPendingException", "authorization_pending"],
  ["SlowDownException", "slow_down"],
  ["AccessDeniedException", "access_denied"],
  ["ExpiredTokenException", "expired_token"],
  ["InternalServerException", "server_error"],
] as const;

describe("fromSsoSession when CreateToken fails", () => {
  it.each(CREATE_TOKEN_ERRORS)(
    "%s on an expired token throws REFRESH_FAILED naming %s and the login command",
    async (shape, error) => {
      const seeded = await seedToken(context.emulator, context.sandbox, {
        nowMs: NOW,
        expiresInMs: -MINUTE,
      });
      context.emulator.injectFault({
        operation: "CreateToken",
        fault: { errorShape: shape, description: "described by the context.emulator" },
      });

      const thrown = await provider()().catch((caught: unknown) => caught);

      expect(thrown).toBeInstanceOf(SsoTokenProviderError);
      const failure = thrown as SsoTokenProviderError;
      expect(failure.code).toBe("REFRESH_FAILED");
      expect(failure.tryNextLink).toBe(false);
      expect(failure.message).toContain(`CreateToken answered ${error}`);
      expect(failure.message).toContain("described by the context.emulator");
      expect(failure.message).toContain("sso-session 'my-sso' (profile 'dev')");
      expect(failure.message).toContain(seeded.filepath);
      expect(failure.message).toContain("aws sso login --sso-session my-sso");
      expect(failure.message).toContain(
        "npx --no-install sso-token-provider login --sso-session my-sso",
      );
      expect(failure.message).not.toContain("UnknownError");
      expect((failure.cause as Error).name).toBe(shape);
      // Only the service's own trouble leaves the refresh token good for another try.
      const passing = error === "server_error" || error === "slow_down";
      expect(failure.message.includes("try again once SSO OIDC answers")).toBe(passing);
    },
  );

  it("serves the still-valid token, warns, and waits 30 seconds before trying again", async () => {
    const logger = captureLogger();
    let now = NOW;
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: 4 * MINUTE,
    });
    context.emulator.injectFault({ operation: "CreateToken", fault: "server_error" });
    const tokens = provider({ logger, now: () => now });

    const first = await tokens();
    now += 29_000;
    const second = await tokens();

    expect(first.token).toBe(seeded.accessToken);
    expect(second.token).toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(1);
    expect(logger.warnings()).toHaveLength(1);
    expect(logger.warnings()[0]).toContain("CreateToken answered server_error");
    expect(logger.warnings()[0]).toContain("serving the cached token");

    now += 2_000;
    const third = await tokens();
    expect(third.token).not.toBe(seeded.accessToken);
    expect(context.emulator.counters.requests.CreateToken).toBe(2);
  });

  it("tries again at once when the caller forces a refresh", async () => {
    await seedToken(context.emulator, context.sandbox, { nowMs: NOW, expiresInMs: 4 * MINUTE });
    context.emulator.injectFault({ operation: "CreateToken", fault: "server_error" });
    const tokens = provider({ logger: captureLogger() });

    await tokens();
    await tokens({ forceRefresh: true });

    expect(context.emulator.counters.requests.CreateToken).toBe(2);
  });

  it.each([
    ["no_access_token", "without an accessToken"],
    ["zero_expires_in", "expiresIn 0"],
  ] as const)("treats an answer %s as a failed refresh", async (fault, text) => {
    await seedToken(context.emulator, context.sandbox, { nowMs: NOW, expiresInMs: -MINUTE });
    context.emulator.injectFault({ operation: "CreateToken", fault });

    await expect(provider()()).rejects.toThrow(text);
  });

  it("says the service cannot be reached when the connection drops", async () => {
    await seedToken(context.emulator, context.sandbox, { nowMs: NOW, expiresInMs: -MINUTE });
    context.emulator.injectFault({ operation: "CreateToken", fault: "drop_connection" });

    const thrown = (await provider()().catch((caught: unknown) => caught)) as Error;

    expect(thrown.message).toContain("could not reach SSO OIDC");
    expect(thrown.message).toContain("try again once SSO OIDC answers");
    expect(thrown.message).not.toMatch(/\.\./);
  });

  it("never returns an expired token", async () => {
    await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: -1000,
      extra: { refreshToken: undefined },
    });

    await expect(provider()()).rejects.toMatchObject({ code: "TOKEN_EXPIRED" });
  });

  it("keeps every secret out of the error's message, inspect and JSON", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      nowMs: NOW,
      expiresInMs: -MINUTE,
    });
    context.emulator.injectFault({
      operation: "CreateToken",
      fault: { errorShape: "InvalidClientException" },
    });

    const thrown = await provider()().catch((caught: unknown) => caught);

    const shown = [String(thrown), inspect(thrown, { depth: 10 }), JSON.stringify(thrown)].join(
      "\n",
    );
    expect(shown).toContain("invalid_client");
    for (const secret of [seeded.accessToken, seeded.refreshToken, seeded.clientSecret]) {
      expect(shown).not.toContain(secret);
    }
  });
});

describe("fromSsoSession without a cached token", () => {
  it("throws TOKEN_NOT_FOUND naming the file and the login command", async () => {
    const failure = provider()();

    await expect(failure).rejects.toMatchObject({ code: "TOKEN_NOT_FOUND", tryNextLink: false });
    await expect(failure).rejects.toThrow(context.sandbox.tokenPath("my-sso"));
    await expect(failure).rejects.toThrow("aws sso login --sso-session my-sso");
  });
});
