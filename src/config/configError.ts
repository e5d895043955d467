import type { ErrorCode } from "../errors/index.js";
import { SsoTokenProviderError } from "../errors/index.js";

// The failures that only mean "this profile is not for SSO here", which a credential or token
// chain may skip when nobody named the profile. Everything else is a broken setup to report.
const SKIPPABLE_WHEN_UNNAMED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  "PROFILE_NOT_SSO",
  "CONFIG_FILE_NOT_FOUND",
  "PROFILE_NOT_FOUND",
]);

/** Options of {@link configError}. */
export interface ConfigErrorOptions {
  /** Whether the user named the profile (or the session). */
  profileExplicit: boolean;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * Builds the error for a config problem. The message is the given lines joined by newlines.
 * `tryNextLink` is true only for PROFILE_NOT_SSO, CONFIG_FILE_NOT_FOUND and PROFILE_NOT_FOUND
 * when nobody named the profile.
 *
 * @internal
 */
export function configError(
  code: ErrorCode,
  lines: readonly string[],
  options: ConfigErrorOptions,
): SsoTokenProviderError {
  const tryNextLink = !options.profileExplicit && SKIPPABLE_WHEN_UNNAMED.has(code);

  return new SsoTokenProviderError(lines.filter((line) => line !== "").join("\n"), {
    code,
    tryNextLink,
    cause: options.cause,
  });
}
