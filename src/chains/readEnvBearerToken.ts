import { SsoTokenProviderError } from "../errors/index.js";
import { bearerTokenEnvKey } from "./bearerTokenEnvKey.js";
import { EnvTokenIdentity } from "./EnvTokenIdentity.js";

/**
 * The token in the service's `AWS_BEARER_TOKEN_<SIGNING NAME>` variable, read at each call
 * as the SDK's `fromEnvSigningName` reads it; `undefined` when the variable is not set.
 *
 * The SDK counts a variable as set when it is present at all, even empty, and then sends an
 * empty bearer token. We count it as set too (so the choice of token matches the client's
 * choice of bearer authentication), but refuse the empty value with an error that names it.
 *
 * @throws SsoTokenProviderError BEARER_TOKEN_ENV_EMPTY
 * @internal
 */
export function readEnvBearerToken(
  signingName: string,
  env: NodeJS.ProcessEnv = process.env,
): EnvTokenIdentity | undefined {
  const variable = bearerTokenEnvKey(signingName);
  if (!(variable in env)) return undefined;

  const token = env[variable] ?? "";
  if (token.trim() === "") {
    throw new SsoTokenProviderError(
      `${variable} is set but empty, so it holds no bearer token for '${signingName}'. ` +
        `Unset it to use the SSO session, or set it to the service's token.`,
      { code: "BEARER_TOKEN_ENV_EMPTY" },
    );
  }
  return new EnvTokenIdentity(token, variable);
}
