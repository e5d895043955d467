import type { SsoConfig } from "../config/index.js";
import { loginError } from "./loginError.js";

/** The usable part of a CreateToken answer. @internal */
export interface TokenResponse {
  accessToken: string;
  expiresAt: Date;
  refreshToken?: string;
}

/**
 * Checks a CreateToken answer: an access token and a positive `expiresIn` are required;
 * `expiresAt` counts from `sentAtMs`, when the request was sent, so it is never late.
 *
 * @internal
 */
export function readTokenResponse(
  config: SsoConfig,
  response: { accessToken?: string; expiresIn?: number; refreshToken?: string },
  sentAtMs: number,
): TokenResponse {
  const { accessToken, expiresIn, refreshToken } = response;
  if (typeof accessToken !== "string" || accessToken === "") {
    throw loginError(
      config,
      "SSO OIDC CreateToken answered without an accessToken. Run the login again; if it " +
        "keeps failing, check that the endpoint is an SSO OIDC service.",
    );
  }
  if (typeof expiresIn !== "number" || !(expiresIn > 0)) {
    throw loginError(
      config,
      `SSO OIDC CreateToken answered with expiresIn ${String(expiresIn)}, so the token ` +
        "would be expired already. Run the login again.",
    );
  }

  return {
    accessToken,
    expiresAt: new Date(sentAtMs + expiresIn * 1000),
    ...(refreshToken ? { refreshToken } : {}),
  };
}
