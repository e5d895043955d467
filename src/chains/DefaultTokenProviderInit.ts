import type { FromSsoSessionInit } from "../provider/index.js";

/**
 * Options of {@link defaultTokenProvider}: those of `fromSsoSession`, and the service's
 * signing name for its bearer-token environment variable.
 *
 * @public
 */
export interface DefaultTokenProviderInit extends FromSsoSessionInit {
  /**
   * The service's signing name (`bedrock`, `codecatalyst`, ...). When given, a token in
   * `AWS_BEARER_TOKEN_<SIGNING NAME>` is used before the SSO session, as SDK clients of such
   * services do. Default: none, so no environment variable is read.
   */
  signingName?: string;
}
