import { describeLoginTarget } from "../errors/index.js";
import type { RefreshContext } from "./refreshSession.js";
import { sessionError, type ServedToken } from "./sessionError.js";

/**
 * A refresh that could not start: its own code or the lock library failed to load (a package
 * replaced on disk while the process ran, say). Nothing was sent, so the refresh token is
 * intact. A still-valid token is served with a warning, and the session is not tried again
 * for a while; an expired one is a REFRESH_FAILED error that says what failed.
 *
 * @param what - What failed, as a clause without a final period.
 * @internal
 */
export function failBeforeRefresh(
  context: RefreshContext,
  what: string,
  cause: unknown,
): ServedToken {
  const { options, seen, state } = context;
  const now = options.now();
  if (seen.expiresAt.getTime() > now) {
    state.lastFailedRefreshAtMs = now;
    options.logger.warn?.(
      `sso-token-provider: ${what}. Serving the cached token of ` +
        `${describeLoginTarget(context.config)}, which expires at ${seen.expiresAt.toISOString()}.`,
    );
    return { accessToken: seen.accessToken, expiresAt: seen.expiresAt };
  }
  throw sessionError(
    context,
    "REFRESH_FAILED",
    `The token in ${context.filepath} expired and refreshing it failed: ${what}.`,
    cause,
  );
}

/** An error's message without its final period, for {@link failBeforeRefresh}. @internal */
export function clauseOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, "");
}
