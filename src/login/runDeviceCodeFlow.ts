import {
  StartDeviceAuthorizationCommand,
  type SSOOIDCClient,
  type StartDeviceAuthorizationCommandOutput,
} from "@aws-sdk/client-sso-oidc";

import type { ClientRegistration } from "./ClientRegistration.js";
import { createOidcClient } from "./createOidcClient.js";
import { describeServiceError } from "./describeServiceError.js";
import type { LoginContext, LoginTokens } from "./LoginContext.js";
import { deviceLoginCommand, loginError } from "./loginError.js";
import { forgetRegistration, obtainRegistration } from "./obtainRegistration.js";
import { pollDeviceToken } from "./pollDeviceToken.js";

/**
 * The device-code flow (RFC 8628), the one legacy profiles always use: a registration
 * (cached or new), StartDeviceAuthorization, the code shown and its page opened, then
 * CreateToken polling ({@link pollDeviceToken}).
 *
 * A cached registration the service rejects with `invalid_client` at StartDeviceAuthorization
 * is dropped and the client registered again, once; one rejected while polling is dropped and
 * the login fails, saying to run it again.
 *
 * @internal
 */
export async function runDeviceCodeFlow(
  context: LoginContext,
  client: SSOOIDCClient,
): Promise<LoginTokens> {
  const { config } = context;

  let obtained = await obtainRegistration(context, client, "device");
  let started: StartDeviceAuthorizationCommandOutput;
  let startedAt = context.now();
  try {
    started = await startDeviceAuthorization(context, client, obtained.registration);
  } catch (error) {
    if (!obtained.reused || !isInvalidClient(error)) throw toStartError(context, error);
    await forgetRegistration(obtained.filepath);
    obtained = await obtainRegistration(context, client, "device", { fresh: true });
    startedAt = context.now();
    started = await startDeviceAuthorization(context, client, obtained.registration).catch(
      (retryError: unknown) => {
        throw toStartError(context, retryError);
      },
    );
  }

  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn } = started;
  if (!deviceCode || !userCode || !verificationUri || !(typeof expiresIn === "number")) {
    throw loginError(
      config,
      "SSO OIDC StartDeviceAuthorization answered without deviceCode, userCode, " +
        "verificationUri or expiresIn; check that the endpoint is an SSO OIDC service.",
    );
  }

  const deadlineMs = startedAt + expiresIn * 1000;
  context.emit({
    type: "device-code",
    verificationUri,
    ...(verificationUriComplete ? { verificationUriComplete } : {}),
    userCode,
    expiresAt: new Date(deadlineMs),
  });
  await context.openBrowserOnce(verificationUriComplete ?? verificationUri);

  context.emit({ type: "waiting", deadline: new Date(deadlineMs) });
  // Polling retries on its own schedule until the deadline, so each poll is sent once.
  const pollingClient = createOidcClient({
    region: config.region,
    clientConfig: context.clientConfig,
    requestTimeoutMs: context.requestTimeoutMs,
    maxAttempts: 1,
  });
  try {
    const tokens = await pollDeviceToken(context, pollingClient, obtained.registration, {
      deviceCode,
      userCode,
      intervalSeconds: started.interval,
      deadlineMs,
    });
    return { ...tokens, registration: obtained.registration };
  } catch (error) {
    if (isInvalidClient((error as { cause?: unknown }).cause)) {
      await forgetRegistration(obtained.filepath);
    }
    throw error;
  } finally {
    pollingClient.destroy();
    context.emit({ type: "waiting-ended" });
  }
}

async function startDeviceAuthorization(
  context: LoginContext,
  client: SSOOIDCClient,
  registration: ClientRegistration,
): Promise<StartDeviceAuthorizationCommandOutput> {
  return await client.send(
    new StartDeviceAuthorizationCommand({
      clientId: registration.clientId,
      clientSecret: registration.clientSecret,
      startUrl: context.config.startUrl,
    }),
    { abortSignal: context.signal },
  );
}

function isInvalidClient(error: unknown): boolean {
  return (error as { error?: unknown } | undefined)?.error === "invalid_client";
}

function toStartError(context: LoginContext, error: unknown): unknown {
  if (context.signal?.aborted) return error;
  const summary = describeServiceError("SSO OIDC StartDeviceAuthorization", error);
  return loginError(
    context.config,
    `${summary.text}. Check sso_start_url and sso_region in ${context.config.configFilepath}, ` +
      `then run \`${deviceLoginCommand(context.config)}\` again.`,
    { cause: error },
  );
}
