import { CreateTokenCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

import { buildAuthorizeUrl } from "./buildAuthorizeUrl.js";
import { DEFAULT_PKCE_SCOPES } from "./constants.js";
import { createPkcePair } from "./createPkcePair.js";
import { describeServiceError } from "./describeServiceError.js";
import type { LoginContext, LoginTokens } from "./LoginContext.js";
import { deviceLoginCommand, loginCommandLine, loginError } from "./loginError.js";
import { forgetRegistration, obtainRegistration } from "./obtainRegistration.js";
import { readTokenResponse } from "./readTokenResponse.js";
import { resolveOidcBaseUrl } from "./resolveOidcBaseUrl.js";
import { startCallbackListener } from "./startCallbackListener.js";

/**
 * The authorization-code flow with PKCE (S256), the default for an sso-session: a
 * registration for it (cached or new), a loopback listener on 127.0.0.1, the `/authorize`
 * page of the SSO OIDC endpoint shown and opened, then CreateToken with the code and the
 * verifier once the browser comes back with the right `state`, within `timeoutMs`.
 *
 * Known limit: a cached registration the service no longer knows (an emulator restarted, a
 * registration revoked) shows only as an error page in the browser, which never comes back.
 * So when a login that reused a cached registration ends without a callback (timeout, Ctrl-C)
 * or CreateToken answers `invalid_client`, the cached registration is dropped and the next
 * login registers anew.
 *
 * @internal
 */
export async function runPkceFlow(
  context: LoginContext,
  client: SSOOIDCClient,
): Promise<LoginTokens> {
  const { config } = context;
  const baseUrl = await resolveOidcBaseUrl(client);
  const { registration, reused, filepath } = await obtainRegistration(context, client, "pkce");
  const pkce = createPkcePair();

  const listener = await startCallbackListener({
    state: pkce.state,
    timeoutMs: context.timeoutMs,
    signal: context.signal,
    onRefused: (reason) => {
      context.emit({ type: "warning", message: `The sign-in listener refused ${reason}.` });
    },
  });

  let outcome;
  const deadline = new Date(context.now() + context.timeoutMs);
  try {
    const url = buildAuthorizeUrl({
      baseUrl,
      clientId: registration.clientId,
      redirectUri: listener.redirectUri,
      state: pkce.state,
      codeChallenge: pkce.challenge,
      scopes: registration.scopes ?? DEFAULT_PKCE_SCOPES,
    });
    context.emit({ type: "authorize-url", url, expiresAt: deadline });
    await context.openBrowserOnce(url);

    context.emit({ type: "waiting", deadline });
    outcome = await listener.outcome.finally(() => context.emit({ type: "waiting-ended" }));
  } catch (error) {
    if (reused) await forgetRegistration(filepath);
    throw error;
  } finally {
    await listener.close();
  }

  if (outcome.kind === "timeout") {
    if (reused) await forgetRegistration(filepath);
    throw loginError(
      config,
      `the browser did not come back within ${describeSeconds(context.timeoutMs)}. ` +
        `Run \`${loginCommandLine(config)}\` again and finish signing in in the page it opens, ` +
        `or use \`${deviceLoginCommand(config)}\` if no browser on this machine can reach ` +
        `127.0.0.1.`,
    );
  }
  if (outcome.kind === "error") {
    const detail = outcome.description ? ` (${outcome.description})` : "";
    const denied = outcome.error === "access_denied";
    throw loginError(
      config,
      `the browser sign-in answered ${outcome.error}${detail}. ` +
        (denied
          ? `If that was a mistake, run \`${loginCommandLine(config)}\` again and allow access.`
          : `Run \`${loginCommandLine(config)}\` again.`),
    );
  }

  const sentAt = context.now();
  let response;
  try {
    response = await client.send(
      new CreateTokenCommand({
        grantType: "authorization_code",
        clientId: registration.clientId,
        clientSecret: registration.clientSecret,
        redirectUri: listener.redirectUri,
        codeVerifier: pkce.verifier,
        code: outcome.code,
      }),
      { abortSignal: context.signal },
    );
  } catch (error) {
    if (context.signal?.aborted) throw error;
    const summary = describeServiceError("SSO OIDC CreateToken", error);
    if (summary.error === "invalid_client") await forgetRegistration(filepath);
    throw loginError(config, `${summary.text}. Run \`${loginCommandLine(config)}\` again.`, {
      cause: error,
    });
  }
  return { ...readTokenResponse(config, response, sentAt), registration };
}

function describeSeconds(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}
