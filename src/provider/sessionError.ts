import type { SsoConfig } from "../config/index.js";
import {
  describeLoginTarget,
  loginAdvice,
  SsoTokenProviderError,
  type ErrorCode,
} from "../errors/index.js";

/** A token as this module passes it around: the value and when it really expires. @internal */
export interface ServedToken {
  accessToken: string;
  expiresAt: Date;
}

/**
 * An error about this session: what it is, what went wrong, and the login that fixes it.
 *
 * @internal
 */
export function sessionError(
  context: { config: SsoConfig },
  code: ErrorCode,
  text: string,
  cause?: unknown,
): SsoTokenProviderError {
  const message =
    `SSO token for ${describeLoginTarget(context.config)}: ${text} ` + loginAdvice(context.config);
  return new SsoTokenProviderError(message, { code, cause });
}
