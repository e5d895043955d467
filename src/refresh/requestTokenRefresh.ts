import type { Logger } from "@aws-sdk/types";

import { RefreshFailure } from "./RefreshFailure.js";
import type { SsoOidcClientConfig } from "./SsoOidcClientConfig.js";
import { toRefreshFailure } from "./toRefreshFailure.js";

/** What a refresh sends: the registration and the current refresh token. @internal */
export interface TokenRefreshRequest {
  region: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** A refreshed token. `refreshToken` is absent when the service sent none. @internal */
export interface RefreshedToken {
  accessToken: string;
  expiresAt: Date;
  refreshToken?: string;
}

/** @internal */
export interface RequestTokenRefreshOptions {
  clientConfig?: SsoOidcClientConfig;
  logger?: Logger;
  /** Bounds each HTTP request, so a stalled service cannot outlive the lock. */
  requestTimeoutMs: number;
  /** The clock; `expiresAt` counts from when the request was sent. */
  now: () => number;
}

/**
 * Sends SSO OIDC CreateToken with the `refresh_token` grant and checks the answer. The client
 * is loaded only here, so a process that never refreshes never pays for it.
 *
 * @throws RefreshFailure when the service refuses, the network fails or the answer lacks an
 * access token or a positive `expiresIn`.
 * @internal
 */
export async function requestTokenRefresh(
  request: TokenRefreshRequest,
  options: RequestTokenRefreshOptions,
): Promise<RefreshedToken> {
  const { SSOOIDCClient, CreateTokenCommand } = await import("@aws-sdk/client-sso-oidc");
  const client = new SSOOIDCClient({
    // Without throwOnRequestTimeout the SDK only prints a warning when the time is up.
    requestHandler: { requestTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true },
    logger: options.logger,
    ...options.clientConfig,
    region: request.region,
  });

  const sentAt = options.now();
  let response;
  try {
    response = await client.send(
      new CreateTokenCommand({
        grantType: "refresh_token",
        clientId: request.clientId,
        clientSecret: request.clientSecret,
        refreshToken: request.refreshToken,
      }),
    );
  } catch (error) {
    throw toRefreshFailure(error);
  } finally {
    client.destroy();
  }

  const { accessToken, expiresIn, refreshToken } = response;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw new RefreshFailure("bad_response", "CreateToken answered without an accessToken");
  }
  if (typeof expiresIn !== "number" || !(expiresIn > 0)) {
    throw new RefreshFailure("bad_response", `CreateToken answered with expiresIn ${expiresIn}`);
  }

  return {
    accessToken,
    expiresAt: new Date(sentAt + expiresIn * 1000),
    ...(refreshToken ? { refreshToken } : {}),
  };
}
