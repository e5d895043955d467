import type { TokenIdentity, TokenIdentityProvider } from "@aws-sdk/types";

import { fromSsoSession } from "../provider/index.js";
import type { DefaultTokenProviderInit } from "./DefaultTokenProviderInit.js";
import { memoizeByCaller } from "./memoizeByCaller.js";
import { readEnvBearerToken } from "./readEnvBearerToken.js";

/**
 * A drop-in for the AWS SDK's default token chain, with this package's locked, shared
 * refresh: `new SomeClient({ token: defaultTokenProvider({ signingName: "bedrock" }) })`.
 *
 * It tries, in order:
 * 1. when `signingName` is given, the token in `AWS_BEARER_TOKEN_<SIGNING NAME>` (see
 *    {@link bearerTokenEnvKey}), read as the SDK reads it; such a token has no expiration;
 * 2. {@link fromSsoSession} with the same options: the profile's SSO session.
 *
 * The result is memoized as the SDK memoizes tokens: reused until 5 minutes before its
 * `expiration`, kept for good when it has none (so a token from the variable is read once per
 * provider, as in SDK clients), one memo per calling client profile, and asked again on
 * `forceRefresh`.
 *
 * Failures are `SsoTokenProviderError`s with `tryNextLink` set as `fromSsoSession` sets it:
 * true only when no SSO configuration exists for a profile nobody named, so `chain` of
 * `@smithy/property-provider` moves on to the next provider; a broken SSO setup stops the chain
 * with its own message. Put it in front of the SDK's providers with
 * `chain(defaultTokenProvider(), nodeProvider())`, behind them with
 * `chain(fromEnvSigningName({ signingName }), defaultTokenProvider())`, or use it alone.
 * `chain` calls each provider without the client's identity properties, so a provider inside
 * it needs its `profile` in its options.
 *
 * @public
 */
export function defaultTokenProvider(init: DefaultTokenProviderInit = {}): TokenIdentityProvider {
  const { signingName, ...ssoInit } = init;
  const fromSession = fromSsoSession(ssoInit);

  const resolve = async (properties: Record<string, unknown> = {}): Promise<TokenIdentity> => {
    if (signingName !== undefined && signingName !== "") {
      const fromEnv = readEnvBearerToken(signingName);
      if (fromEnv !== undefined) return fromEnv;
    }
    return await fromSession(properties);
  };

  return memoizeByCaller(resolve, init.now);
}
