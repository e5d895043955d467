import { SsoTokenProviderError } from "../errors/index.js";

import { LOG_IN_AGAIN } from "./constants.js";

/**
 * The error for a token cache file that is not a usable token record, code
 * `TOKEN_FILE_INVALID`: `The SSO token cache file <path> <problem>. Log in again to replace it.`
 * The problem must not quote a secret or the raw file text.
 *
 * @internal
 */
export function tokenFileInvalidError(
  filepath: string,
  problem: string,
  cause?: unknown,
): SsoTokenProviderError {
  return new SsoTokenProviderError(
    `The SSO token cache file ${filepath} ${problem}. ${LOG_IN_AGAIN}`,
    { code: "TOKEN_FILE_INVALID", cause },
  );
}
