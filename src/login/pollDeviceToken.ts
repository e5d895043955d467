import { CreateTokenCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import type { ClientRegistration } from "./ClientRegistration.js";
import {
  DEFAULT_POLL_INTERVAL_SECONDS,
  DEVICE_CODE_GRANT_TYPE,
  MIN_POLL_INTERVAL_SECONDS,
  SLOW_DOWN_STEP_SECONDS,
} from "./constants.js";
import { describeServiceError } from "./describeServiceError.js";
import type { LoginContext } from "./LoginContext.js";
import { deviceLoginCommand, loginError } from "./loginError.js";
import { readTokenResponse, type TokenResponse } from "./readTokenResponse.js";

/** One device authorization to poll for. @internal */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  /** Seconds between polls, as StartDeviceAuthorization said; default 5. */
  intervalSeconds?: number;
  /** When the device code expires (start + `expiresIn`), epoch ms. */
  deadlineMs: number;
}

/**
 * Polls CreateToken with the device-code grant until the person approves, following the
 * service's rules:
 *
 * - waits `interval` seconds (5 when absent, at least 1) before each poll; `slow_down` adds
 *   5 seconds to it for the rest of the flow;
 * - `authorization_pending` goes on polling;
 * - `expired_token`, `access_denied` and the `expiresIn` deadline stop it with an error that
 *   says what to do;
 * - a transient failure (no answer, a 5xx, throttling) is reported and polling goes on until
 *   the deadline;
 * - any other error (`invalid_client`, `invalid_grant`, ...) stops it.
 *
 * @throws SsoTokenProviderError `LOGIN_FAILED`; the `cause` of an `invalid_client` failure
 *   has `error === "invalid_client"` so the caller can drop the registration.
 * @internal
 */
export async function pollDeviceToken(
  context: LoginContext,
  client: SSOOIDCClient,
  registration: ClientRegistration,
  authorization: DeviceAuthorization,
): Promise<TokenResponse> {
  const { config } = context;
  const intervalSeconds = authorization.intervalSeconds ?? DEFAULT_POLL_INTERVAL_SECONDS;
  let intervalMs = Math.max(intervalSeconds, MIN_POLL_INTERVAL_SECONDS) * 1000;
  const expired = () =>
    loginError(
      config,
      `the code ${authorization.userCode} was not approved before it expired. ` +
        `Run \`${deviceLoginCommand(config)}\` again and approve the new code.`,
    );

  for (;;) {
    const remainingMs = authorization.deadlineMs - context.now();
    if (remainingMs <= 0) throw expired();
    await context.sleep(Math.min(intervalMs, remainingMs), context.signal);
    if (context.now() >= authorization.deadlineMs) throw expired();

    const sentAt = context.now();
    try {
      const response = await client.send(
        new CreateTokenCommand({
          grantType: DEVICE_CODE_GRANT_TYPE,
          clientId: registration.clientId,
          clientSecret: registration.clientSecret,
          deviceCode: authorization.deviceCode,
        }),
        { abortSignal: context.signal },
      );
      return readTokenResponse(config, response, sentAt);
    } catch (error) {
      if (context.signal?.aborted) throw error;
      const summary = describeServiceError("SSO OIDC CreateToken", error);

      switch (summary.error) {
        case "authorization_pending":
          continue;
        case "slow_down":
          intervalMs += SLOW_DOWN_STEP_SECONDS * 1000;
          context.emit({ type: "slow-down", intervalSeconds: intervalMs / 1000 });
          continue;
        case "expired_token":
          throw expired();
        case "access_denied":
          throw loginError(
            config,
            `the sign-in was denied in the browser (${summary.text}). If that was a ` +
              `mistake, run \`${deviceLoginCommand(config)}\` again and approve it.`,
            { cause: error },
          );
      }
      if (summary.transient) {
        context.emit({ type: "retrying", reason: summary.text });
        continue;
      }
      throw loginError(
        config,
        `${summary.text}. Run \`${deviceLoginCommand(config)}\` again; ` +
          `if it keeps failing, check sso_start_url and sso_region in ${config.configFilepath}.`,
        { cause: error },
      );
    }
  }
}
