import { timingSafeEqual } from "node:crypto";

import { authenticateClient } from "./authenticateClient.js";
import { decideApproval } from "./decideApproval.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import { jsonResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { DEVICE_CODE_GRANT, type ClientRecord, type IssuedTokens } from "./EmulatorStore.js";
import type { TakenFault } from "./FaultQueue.js";
import { answerOidc, OidcFailure } from "./OidcFailure.js";
import type { ParsedRequest } from "./ParsedRequest.js";
import { isWellFormedVerifier, pkceChallenge } from "./pkceChallenge.js";
import { oidcBody, requiredString } from "./readMembers.js";

const GRANT_TYPES = new Set(["authorization_code", "refresh_token", DEVICE_CODE_GRANT]);

// Timers fire a little early or late; a poll this close to the interval is not "too fast".
const POLL_TOLERANCE_MS = 50;

interface CommitOptions {
  accessTokenLifetimeSeconds?: number;
  withRefreshToken?: boolean;
  /** Leave the refresh token that was sent usable (no rotation). */
  keepRefreshToken?: boolean;
}

/** A checked grant, ready to issue tokens. */
type Commit = (options: CommitOptions) => IssuedTokens;

/**
 * SSO OIDC `CreateToken` (POST /token) for the device-code, authorization-code and
 * refresh-token grants. Refresh tokens are single-use: each refresh returns a new pair and
 * the one sent stops working. Token-shaping faults (`no_refresh_token`, `no_access_token`,
 * `zero_expires_in`) arrive as `fault`.
 *
 * @internal
 */
export function handleCreateToken(
  context: EmulatorContext,
  request: ParsedRequest,
  fault?: TakenFault,
): Promise<EmulatorResponse> {
  return answerOidc(async () => {
    const body = oidcBody(request);
    requiredString(body, "clientId");
    requiredString(body, "clientSecret");
    const grantType = requiredString(body, "grantType");
    const client = authenticateClient(context, body);

    if (!GRANT_TYPES.has(grantType)) {
      throw new OidcFailure("UnsupportedGrantTypeException", "Unsupported grant type");
    }
    if (!context.store.allowsGrant(client, grantType)) {
      throw new OidcFailure(
        "UnauthorizedClientException",
        `Client is not registered for the ${grantType} grant`,
      );
    }

    let commit: Commit;
    if (grantType === "refresh_token") commit = prepareRefresh(context, client, body);
    else if (grantType === DEVICE_CODE_GRANT) commit = await prepareDevice(context, client, body);
    else commit = prepareCode(context, client, body);

    if (fault?.kind === "no_access_token") {
      return jsonResponse({
        tokenType: "Bearer",
        expiresIn: context.options.accessTokenLifetimeSeconds,
      });
    }

    const tokens = commit({
      ...(fault?.kind === "zero_expires_in" ? { accessTokenLifetimeSeconds: 0 } : {}),
      ...(fault?.kind === "no_refresh_token"
        ? { withRefreshToken: false, keepRefreshToken: true }
        : {}),
    });

    context.counters.accessTokensIssued += 1;
    if (tokens.refreshToken !== undefined) context.counters.refreshTokensIssued += 1;

    return jsonResponse({
      accessToken: tokens.accessToken,
      tokenType: "Bearer",
      expiresIn: tokens.expiresIn,
      ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    });
  });
}

function prepareRefresh(
  context: EmulatorContext,
  client: ClientRecord,
  body: Record<string, unknown>,
): Commit {
  const refreshToken = requiredString(body, "refreshToken");
  const record = context.store.findRefreshToken(refreshToken);
  if (record === undefined || record.clientId !== client.clientId) {
    throw new OidcFailure("InvalidGrantException", "Invalid refresh token provided");
  }

  return (options) => {
    if (!options.keepRefreshToken) context.store.consumeRefreshToken(refreshToken);
    return context.store.issueTokens(client, {
      sessionExpiresAt: record.sessionExpiresAt,
      ...options,
    });
  };
}

async function prepareDevice(
  context: EmulatorContext,
  client: ClientRecord,
  body: Record<string, unknown>,
): Promise<Commit> {
  const deviceCode = requiredString(body, "deviceCode");
  const device = context.store.devices.get(deviceCode);
  if (device === undefined || device.clientId !== client.clientId || device.consumed) {
    throw new OidcFailure("InvalidGrantException", "Invalid device code provided");
  }

  const now = context.store.now();
  if (now >= device.expiresAt) {
    throw new OidcFailure("ExpiredTokenException", "Device code has expired");
  }

  const intervalMs = context.options.deviceCodeIntervalSeconds * 1000;
  const lastPollAt = device.lastPollAt;
  device.lastPollAt = now;
  const tooSoon = lastPollAt !== undefined && now - lastPollAt < intervalMs - POLL_TOLERANCE_MS;
  if (intervalMs > 0 && tooSoon) {
    throw new OidcFailure("SlowDownException", "Client is polling too quickly");
  }

  const status = await decideApproval(context, device);
  if (status === "denied") {
    throw new OidcFailure("AccessDeniedException", "The user denied the authorization request");
  }
  if (status === "pending") {
    throw new OidcFailure(
      "AuthorizationPendingException",
      "The user has not yet approved the request",
    );
  }
  // Another poll may have taken the tokens while the hook was deciding.
  if (device.consumed) {
    throw new OidcFailure("InvalidGrantException", "Invalid device code provided");
  }

  return (options) => {
    device.consumed = true;
    return context.store.issueTokens(client, options);
  };
}

function prepareCode(
  context: EmulatorContext,
  client: ClientRecord,
  body: Record<string, unknown>,
): Commit {
  const code = requiredString(body, "code");
  const redirectUri = requiredString(body, "redirectUri");
  const codeVerifier = requiredString(body, "codeVerifier");
  if (!isWellFormedVerifier(codeVerifier)) {
    throw new OidcFailure(
      "InvalidRequestException",
      "codeVerifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' or '~'",
    );
  }

  // Any attempt uses the code up, so a guessed or stolen code cannot be retried.
  const record = context.store.takeCode(code);
  if (record === undefined || record.clientId !== client.clientId) {
    throw new OidcFailure("InvalidGrantException", "Invalid authorization code provided");
  }
  if (context.store.now() >= record.expiresAt) {
    throw new OidcFailure("ExpiredTokenException", "Authorization code has expired");
  }
  if (record.redirectUri !== redirectUri) {
    throw new OidcFailure(
      "InvalidGrantException",
      "redirectUri does not match the one of the authorization request",
    );
  }
  if (!sameText(pkceChallenge(codeVerifier), record.codeChallenge)) {
    throw new OidcFailure("InvalidGrantException", "Code verifier does not match the challenge");
  }

  return (options) => context.store.issueTokens(client, options);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
