import { createHash, randomBytes } from "node:crypto";
import { createContext, Script } from "node:vm";

import {
  CreateTokenCommand,
  ExpiredTokenException,
  InvalidGrantException,
  InvalidRequestException,
  RegisterClientCommand,
  type SSOOIDCClient,
} from "@aws-sdk/client-sso-oidc";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";
import { ManualClock, oidcClient, rejectionOf, waitFor } from "./support.js";

const CALLBACK = "http://127.0.0.1:49152/oauth/callback";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

function newVerifier() {
  const verifier = randomBytes(48).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

/** Registers a client the way `aws sso login` does for the PKCE flow. */
async function registerPkceClient(client: SSOOIDCClient) {
  const registration = await client.send(
    new RegisterClientCommand({
      clientName: "botocore-client-my-sso",
      clientType: "public",
      grantTypes: ["authorization_code", "refresh_token"],
      redirectUris: ["http://127.0.0.1/oauth/callback"],
      issuerUrl: "https://d-1234567890.awsapps.com/start",
      scopes: ["sso:account:access"],
    }),
  );
  return {
    clientId: registration.clientId as string,
    clientSecret: registration.clientSecret as string,
  };
}

function authorizeUrl(base: string, clientId: string, challenge: string, overrides = {}) {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: CALLBACK,
    state: "state-123",
    code_challenge_method: "S256",
    scopes: "sso:account:access",
    code_challenge: challenge,
    ...overrides,
  });
  return `${base}/authorize?${query}`;
}

async function start(options: EmulatorOptions = { autoApprove: true }) {
  emulator = await startEmulator(options);
  const client = oidcClient(emulator.url);
  const ids = await registerPkceClient(client);
  return { emulator, client, ids, pkce: newVerifier() };
}

function exchange(
  client: SSOOIDCClient,
  ids: { clientId: string; clientSecret: string },
  code: string,
  codeVerifier: string,
  redirectUri = CALLBACK,
) {
  return client.send(
    new CreateTokenCommand({
      ...ids,
      grantType: "authorization_code",
      code,
      codeVerifier,
      redirectUri,
    }),
  );
}

describe("PKCE authorization-code flow", () => {
  it("redirects with a code and state, and exchanges the code for tokens", async () => {
    const { emulator, client, ids, pkce } = await start();

    const response = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") as string);
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get("state")).toBe("state-123");
    const code = location.searchParams.get("code") as string;

    const tokens = await exchange(client, ids, code, pkce.verifier);
    expect(tokens.accessToken).toMatch(/^aoa/);
    expect(tokens.refreshToken).toMatch(/^aor/);
    expect(tokens.expiresIn).toBe(3600);

    const reused = await rejectionOf(exchange(client, ids, code, pkce.verifier));
    expect(reused).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a wrong code verifier with invalid_grant", async () => {
    const { emulator, client, ids, pkce } = await start();
    const response = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });
    const code = new URL(response.headers.get("location") as string).searchParams.get("code");

    const error = await rejectionOf(exchange(client, ids, code as string, newVerifier().verifier));
    expect(error).toBeInstanceOf(InvalidGrantException);
    expect(error.error).toBe("invalid_grant");
  });

  it("rejects a redirectUri that differs from the one sent to /authorize", async () => {
    const { emulator, client, ids, pkce } = await start();
    const response = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });
    const code = new URL(response.headers.get("location") as string).searchParams.get("code");

    const other = "http://127.0.0.1:50000/oauth/callback";
    const error = await rejectionOf(exchange(client, ids, code as string, pkce.verifier, other));
    expect(error).toBeInstanceOf(InvalidGrantException);
  });

  it("rejects a missing code verifier with invalid_request", async () => {
    const { client, ids } = await start();
    const error = await rejectionOf(
      client.send(
        new CreateTokenCommand({
          ...ids,
          grantType: "authorization_code",
          code: "some-code",
          redirectUri: CALLBACK,
        }),
      ),
    );
    expect(error).toBeInstanceOf(InvalidRequestException);
  });

  it("answers expired_token for a code used after its lifetime", async () => {
    const clock = new ManualClock();
    const { emulator, client, ids, pkce } = await start({
      autoApprove: true,
      now: clock.now,
      authorizationCodeLifetimeSeconds: 60,
    });
    const response = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });
    const code = new URL(response.headers.get("location") as string).searchParams.get("code");

    clock.advance(61);
    const error = await rejectionOf(exchange(client, ids, code as string, pkce.verifier));
    expect(error).toBeInstanceOf(ExpiredTokenException);
  });

  it.each([
    ["an unregistered redirect_uri", { redirect_uri: "http://127.0.0.1:49152/elsewhere" }],
    ["a non-loopback redirect_uri", { redirect_uri: "http://example.com/oauth/callback" }],
    ["an unknown client_id", { client_id: "no-such-client" }],
    ["a missing code_challenge", { code_challenge: "" }],
    ["the plain challenge method", { code_challenge_method: "plain" }],
    ["another response_type", { response_type: "token" }],
    ["an unregistered scope", { scopes: "sso:account:access codecatalyst:read_write" }],
  ])("answers %s with a 400 page and no redirect", async (_name, overrides) => {
    const { emulator, ids, pkce } = await start();

    const response = await fetch(
      authorizeUrl(emulator.url, ids.clientId, pkce.challenge, overrides),
      {
        redirect: "manual",
      },
    );

    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("content-type")).toContain("text/html");
  });

  it("refuses /authorize for a client not registered for authorization_code", async () => {
    emulator = await startEmulator({ autoApprove: true });
    const client = oidcClient(emulator.url);
    const registration = await client.send(
      new RegisterClientCommand({ clientName: "device-only", clientType: "public" }),
    );

    const url = authorizeUrl(
      emulator.url,
      registration.clientId as string,
      newVerifier().challenge,
    );
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(400);
  });

  it("redirects with error=access_denied when the hook denies", async () => {
    const { emulator, ids, pkce } = await start({ approvalHook: () => "deny" });

    const response = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") as string);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("state-123");
    expect(location.searchParams.get("code")).toBeNull();
  });

  it("shows an approval form when nobody decided, and the Allow button redirects", async () => {
    const { emulator, client, ids, pkce } = await start({});

    const page = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), {
      redirect: "manual",
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('action="/authorize/decision"');
    expect(html).toContain("botocore-client-my-sso");
    const requestId = /name="request" value="([^"]+)"/.exec(html)?.[1] as string;
    expect(emulator.pendingApprovals()).toMatchObject([{ kind: "authorize", id: requestId }]);

    const decision = await fetch(`${emulator.url}/authorize/decision`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ request: requestId, decision: "approve" }),
      redirect: "manual",
    });
    expect(decision.status).toBe(302);
    const code = new URL(decision.headers.get("location") as string).searchParams.get("code");

    const tokens = await exchange(client, ids, code as string, pkce.verifier);
    expect(tokens.accessToken).toMatch(/^aoa/);
    expect(emulator.pendingApprovals()).toEqual([]);
  });

  it("continues a pending request in the browser after approve()", async () => {
    const { emulator, ids, pkce } = await start({});
    await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge), { redirect: "manual" });
    const [pending] = emulator.pendingApprovals();
    if (pending?.kind !== "authorize") throw new Error("expected a pending authorize request");

    const statusUrl = pending.continueUrl.replace("/continue?", "/status?");
    const before = await fetch(pending.continueUrl, { redirect: "manual" });
    expect(before.status).toBe(200);
    expect(await (await fetch(statusUrl)).json()).toEqual({ status: "pending" });
    expect(emulator.approve(pending.id)).toBe(true);
    expect(await (await fetch(statusUrl)).json()).toEqual({ status: "approved" });
    const after = await fetch(pending.continueUrl, { redirect: "manual" });

    expect(after.status).toBe(302);
    expect(new URL(after.headers.get("location") as string).searchParams.get("code")).toBeTruthy();
    const again = await fetch(pending.continueUrl, { redirect: "manual" });
    expect(again.status).toBe(400);
    expect(await (await fetch(statusUrl)).json()).toEqual({ status: "completed" });
  });

  it("has a page script that moves the browser on once approved elsewhere", async () => {
    const { emulator, ids, pkce } = await start({});
    const page = await fetch(authorizeUrl(emulator.url, ids.clientId, pkce.challenge));
    const script = /<script>([\s\S]*?)<\/script>/.exec(await page.text())?.[1] as string;
    const [pending] = emulator.pendingApprovals();
    if (pending?.kind !== "authorize") throw new Error("expected a pending authorize request");

    // Run the page's script as a browser would, with real fetch against the emulator and a
    // `location` that records where it is sent.
    const visited: string[] = [];
    const timers: (() => void)[] = [];
    const context = createContext({
      fetch: (path: string) => fetch(`${emulator.url}${path}`),
      location: { assign: (path: string) => visited.push(path) },
      setTimeout: (callback: () => void) => timers.push(callback),
    });
    new Script(script).runInContext(context);
    const tick = async () => {
      timers.shift()?.();
      await waitFor(() => timers.length > 0 || visited.length > 0);
    };

    await tick();
    expect(visited).toEqual([]);
    emulator.approve(pending.id);
    await tick();
    expect(visited).toEqual([`/authorize/continue?request=${pending.id}`]);
  });
});
