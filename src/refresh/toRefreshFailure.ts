import { RefreshFailure } from "./RefreshFailure.js";

interface OidcServiceError {
  name?: unknown;
  error?: unknown;
  error_description?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/**
 * Turns whatever the SSO OIDC client threw into a {@link RefreshFailure}. The service puts
 * its meaning in `error` and `error_description`; the SDK's `message` is `UnknownError`.
 *
 * @internal
 */
export function toRefreshFailure(thrown: unknown): RefreshFailure {
  if (thrown instanceof RefreshFailure) return thrown;

  const candidate = (thrown ?? {}) as OidcServiceError;
  if (typeof candidate.error === "string") {
    const description =
      typeof candidate.error_description === "string" ? candidate.error_description : undefined;
    return new RefreshFailure(candidate.error, description, { cause: thrown });
  }

  if (candidate.$metadata?.httpStatusCode !== undefined) {
    const name = typeof candidate.name === "string" ? candidate.name : "unknown";
    const status = candidate.$metadata.httpStatusCode;
    return new RefreshFailure("unknown", `${name} (HTTP ${status})`, { cause: thrown });
  }

  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new RefreshFailure("network", message, { cause: thrown });
}
