import { request } from "node:http";
import { readFile, stat } from "node:fs/promises";

import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { getCacheDir } from "../../src/cache/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { registrationFilepath } from "../../src/login/index.js";
import {
  createLoginHarness,
  followInBrowser,
  sessionConfig,
  type LoginHarness,
} from "./loginHarness.js";

beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});

let harness: LoginHarness;
afterEach(async () => {
  await harness?.close();
});

describe("loginSession with the authorization-code flow (PKCE)", () => {
  it("opens the authorize page once and exchanges the code from the callback", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const opened: string[] = [];

    const result = await harness.login({
      ui: {
        openBrowser: async (url) => {
          opened.push(url);
          const page = await fetch(url, { redirect: "follow" });
          expect(page.status).toBe(200);
          expect(await page.text()).toContain("Signed in");
        },
      },
    });

    expect(result.flow).toBe("pkce");
    expect(result.refreshable).toBe(true);
    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`${harness.emulator.url}/authorize`);
    expect([...url.searchParams.keys()]).toEqual([
      "response_type",
      "client_id",
      "redirect_uri",
      "state",
      "code_challenge_method",
      "scopes",
      "code_challenge",
    ]);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("scopes")).toBe("sso:account:access");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[0-9a-f-]{36}$/);
    expect(url.searchParams.get("redirect_uri")).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/,
    );
    expect(harness.emulator.counters.createTokenSuccesses.authorization_code).toBe(1);
    expect((await stat(result.filepath)).mode & 0o777).toBe(0o600);
  });

  it("refuses a callback with a wrong state and keeps waiting for the right one", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    const result = await harness.login({
      ui: {
        onEvent: (event) => harness.events.push(event),
        openBrowser: async (url) => {
          const redirectUri = new URL(url).searchParams.get("redirect_uri")!;
          const forged = await fetch(`${redirectUri}?code=forged&state=not-the-state`);
          expect(forged.status).toBe(400);
          expect(await forged.text()).toContain("does not belong to the sign-in");
          await followInBrowser(url);
        },
      },
    });

    expect(result.flow).toBe("pkce");
    expect(harness.events).toContainEqual({
      type: "warning",
      message:
        "The sign-in listener refused a callback whose state does not match this login " +
        "(ignored).",
    });
    expect(harness.emulator.counters.requests.CreateToken).toBe(1);
  });

  it("fails with what to do when the person denies access", async () => {
    harness = await createLoginHarness({ approvalHook: () => "deny" });

    const error = await harness
      .login({ ui: { openBrowser: followInBrowser } })
      .catch((e: unknown) => e);

    expect((error as SsoTokenProviderError).code).toBe("LOGIN_FAILED");
    expect((error as Error).message).toBe(
      "Login for sso-session 'my-sso' failed: the browser sign-in answered access_denied " +
        "(The user denied the request). If that was a mistake, run " +
        "`sso-token-provider login --sso-session my-sso` again and allow access.",
    );
    expect(harness.emulator.counters.requests.CreateToken).toBe(0);
  });

  it("gives up at its deadline and drops the reused registration it may not know", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    await harness.login({ ui: { openBrowser: followInBrowser } });
    const registration = registrationFilepath({
      config: sessionConfig(),
      cacheDir: getCacheDir(harness.home),
    });
    await expect(stat(registration)).resolves.toBeTruthy();

    const error = await harness
      .login({ timeoutMs: 300, ui: { openBrowser: () => undefined } })
      .catch((e: unknown) => e);

    expect((error as SsoTokenProviderError).code).toBe("LOGIN_FAILED");
    expect((error as Error).message).toContain("the browser did not come back within 1 second.");
    expect((error as Error).message).toContain("--use-device-code");
    await expect(readFile(registration)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("builds the authorize URL on AWS_ENDPOINT_URL_SSO_OIDC without an endpoint", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const saved = process.env.AWS_ENDPOINT_URL_SSO_OIDC;
    process.env.AWS_ENDPOINT_URL_SSO_OIDC = harness.emulator.url;
    const opened: string[] = [];
    try {
      await harness.login({
        clientConfig: undefined,
        ui: {
          openBrowser: async (url) => {
            opened.push(url);
            await followInBrowser(url);
          },
        },
      });
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
      else process.env.AWS_ENDPOINT_URL_SSO_OIDC = saved;
    }

    expect(opened[0]).toMatch(new RegExp(`^${harness.emulator.url}/authorize\\?`));
  });

  it("stops when aborted, releasing the session for the next login", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const controller = new AbortController();

    const error = await harness
      .login({ signal: controller.signal, ui: { openBrowser: () => controller.abort() } })
      .catch((e: unknown) => e);
    const next = await harness.login({ ui: { openBrowser: followInBrowser } });

    expect((error as Error).message).toContain("the login was interrupted before it finished");
    expect(next.flow).toBe("pkce");
  });
});

describe("the loopback callback listener", () => {
  it("answers only its own path and host", async () => {
    harness = await createLoginHarness({ approvalHook: () => "pending" });
    let redirectUri = "";

    const login = harness.login({
      timeoutMs: 800,
      ui: {
        onEvent: (event) => harness.events.push(event),
        openBrowser: async (url) => {
          redirectUri = new URL(url).searchParams.get("redirect_uri")!;
          const origin = new URL(redirectUri).origin;
          expect((await fetch(`${origin}/other`)).status).toBe(404);
          expect(await rawGet(redirectUri, "attacker.example")).toBe(400);
        },
      },
    });

    await expect(login).rejects.toThrow("did not come back within 1 second");
    const refusals = harness.events.filter((event) => event.type === "warning");
    expect(refusals.map((event) => event.type === "warning" && event.message)).toEqual([
      "The sign-in listener refused a request for GET /other, which is not the callback.",
      'The sign-in listener refused a callback addressed to host "attacker.example".',
    ]);
    // The listener is closed once the login ends.
    await expect(fetch(redirectUri)).rejects.toThrow();
  });
});

function rawGet(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}
