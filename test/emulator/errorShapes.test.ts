import * as oidc from "@aws-sdk/client-sso-oidc";
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  OIDC_ERROR_SHAPES,
  startEmulator,
  type Emulator,
  type OidcErrorShape,
} from "../../src/emulator/index.js";
import { oidcClient, rejectionOf } from "./support.js";

const NAMESPACE = "http://internal.amazon.com/coral/com.amazonaws.sso.oidc/";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.stop());

function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const CREATE_TOKEN_SHAPES: [OidcErrorShape, number][] = [
  ["InvalidGrantException", 400],
  ["InvalidClientException", 401],
  ["ExpiredTokenException", 400],
  ["AuthorizationPendingException", 400],
  ["SlowDownException", 400],
  ["AccessDeniedException", 400],
  ["InternalServerException", 500],
  ["InvalidRequestException", 400],
  ["UnauthorizedClientException", 400],
  ["UnsupportedGrantTypeException", 400],
  ["InvalidScopeException", 400],
];

describe("SSO OIDC error encoding", () => {
  it.each(CREATE_TOKEN_SHAPES)(
    "CreateToken %s reaches the official client as its exception class (HTTP %i)",
    async (shape, status) => {
      const session = emulator.issueSession();
      emulator.injectFault({
        operation: "CreateToken",
        fault: { errorShape: shape, description: `described ${shape}` },
      });

      const error = await rejectionOf(
        oidcClient(emulator.url).send(
          new CreateTokenCommand({
            clientId: session.clientId,
            clientSecret: session.clientSecret,
            grantType: "refresh_token",
            refreshToken: session.refreshToken as string,
          }),
        ),
      );

      const ErrorClass = (oidc as unknown as Record<string, new (...args: never[]) => Error>)[
        shape
      ];
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error.name).toBe(shape);
      expect(error.error).toBe(OIDC_ERROR_SHAPES[shape].error);
      expect(error.error_description).toBe(`described ${shape}`);
      expect(error.$metadata.httpStatusCode).toBe(status);
      expect(error.$fault).toBe(status >= 500 ? "server" : "client");
    },
  );

  it.each([
    "InvalidClientMetadataException",
    "InvalidRedirectUriException",
    "InvalidRequestRegionException",
  ] as const)("RegisterClient %s reaches the official client as its class", async (shape) => {
    emulator.injectFault({ operation: "RegisterClient", fault: { errorShape: shape } });
    const error = await rejectionOf(
      oidcClient(emulator.url).send(
        new RegisterClientCommand({ clientName: "x", clientType: "public" }),
      ),
    );
    expect(error).toBeInstanceOf((oidc as unknown as Record<string, Function>)[shape]);
    expect(error.error).toBe(OIDC_ERROR_SHAPES[shape].error);
  });

  it("sends the status, x-amzn-ErrorType, the OAuth body and a request id", async () => {
    const session = emulator.issueSession();
    const response = await postJson("/token", {
      clientId: session.clientId,
      clientSecret: session.clientSecret,
      grantType: "refresh_token",
      refreshToken: "aorNeverIssued",
    });

    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-errortype")).toBe(`InvalidGrantException:${NAMESPACE}`);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      error: "invalid_grant",
      error_description: "Invalid refresh token provided",
    });
  });

  it("sends a request id on successful answers too", async () => {
    const response = await postJson("/client/register", { clientName: "x", clientType: "public" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts a request without a content-type header, as old CLIs send", async () => {
    const response = await fetch(`${emulator.url}/client/register`, {
      method: "POST",
      body: JSON.stringify({ clientName: "x", clientType: "public" }),
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["a missing clientSecret", { clientId: "a", grantType: "refresh_token", refreshToken: "r" }],
    ["a missing grantType", { clientId: "a", clientSecret: "b", refreshToken: "r" }],
    ["a body that is not JSON", "{not json"],
    ["a member of the wrong type", { clientId: 5, clientSecret: "b", grantType: "refresh_token" }],
  ])("answers CreateToken with %s with invalid_request", async (_name, body) => {
    const response = await postJson("/token", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("answers a missing refreshToken with InvalidRequestException", async () => {
    const session = emulator.issueSession();
    const error = await rejectionOf(
      oidcClient(emulator.url).send(
        new CreateTokenCommand({
          clientId: session.clientId,
          clientSecret: session.clientSecret,
          grantType: "refresh_token",
        }),
      ),
    );
    expect(error).toBeInstanceOf(oidc.InvalidRequestException);
  });

  it("answers an unknown grant type with UnsupportedGrantTypeException", async () => {
    const session = emulator.issueSession();
    const error = await rejectionOf(
      oidcClient(emulator.url).send(
        new CreateTokenCommand({
          clientId: session.clientId,
          clientSecret: session.clientSecret,
          grantType: "password",
        }),
      ),
    );
    expect(error).toBeInstanceOf(oidc.UnsupportedGrantTypeException);
  });

  it.each([
    [
      "clientType confidential",
      { clientType: "confidential" },
      oidc.InvalidClientMetadataException,
    ],
    ["a scope with a space", { scopes: ["sso:account access"] }, oidc.InvalidScopeException],
    ["an unknown grant type", { grantTypes: ["password"] }, oidc.UnsupportedGrantTypeException],
    [
      "an http redirect URI off loopback",
      { grantTypes: ["authorization_code"], redirectUris: ["http://example.com/cb"] },
      oidc.InvalidRedirectUriException,
    ],
    [
      "authorization_code without redirect URIs",
      { grantTypes: ["authorization_code"] },
      oidc.InvalidRedirectUriException,
    ],
  ])(
    "answers RegisterClient with %s with the service's error",
    async (_name, input, ErrorClass) => {
      const error = await rejectionOf(
        oidcClient(emulator.url).send(
          new RegisterClientCommand({ clientName: "x", clientType: "public", ...input }),
        ),
      );
      expect(error).toBeInstanceOf(ErrorClass);
    },
  );

  it("answers RegisterClient without clientName with invalid_request", async () => {
    const response = await postJson("/client/register", { clientType: "public" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_request",
      error_description: "Missing required parameter: clientName",
    });
  });

  it("registers with seconds-based timestamps and the registration lifetime", async () => {
    const before = Math.floor(Date.now() / 1000);
    const registration = await oidcClient(emulator.url).send(
      new RegisterClientCommand({
        clientName: "x",
        clientType: "public",
        scopes: ["sso:account:access"],
      }),
    );
    expect(registration.clientId).toMatch(/^[\w-]{20,}$/);
    expect(registration.clientSecret).toMatch(/^[\w-]{100,}$/);
    expect(registration.clientIdIssuedAt).toBeGreaterThanOrEqual(before);
    expect(registration.clientIdIssuedAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(
      (registration.clientSecretExpiresAt as number) - (registration.clientIdIssuedAt as number),
    ).toBe(90 * 24 * 3600);
  });

  it("answers StartDeviceAuthorization with a wrong secret or no startUrl", async () => {
    const session = emulator.issueSession();
    const client = oidcClient(emulator.url);

    const wrongSecret = await rejectionOf(
      client.send(
        new StartDeviceAuthorizationCommand({
          clientId: session.clientId,
          clientSecret: "nope",
          startUrl: "https://d-1.awsapps.com/start",
        }),
      ),
    );
    expect(wrongSecret).toBeInstanceOf(oidc.InvalidClientException);

    const noStartUrl = await rejectionOf(
      client.send(
        new StartDeviceAuthorizationCommand({
          clientId: session.clientId,
          clientSecret: session.clientSecret,
        } as never),
      ),
    );
    expect(noStartUrl).toBeInstanceOf(oidc.InvalidRequestException);
  });

  it("answers CreateTokenWithIAM and unknown paths with errors instead of hanging", async () => {
    const iam = await postJson("/token?aws_iam=t", {});
    expect(iam.status).toBe(400);
    expect(iam.headers.get("x-amzn-errortype")).toContain("InvalidRequestException");

    const unknown = await fetch(`${emulator.url}/nowhere`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
  });
});
