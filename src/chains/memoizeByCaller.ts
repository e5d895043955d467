import { memoize } from "@smithy/property-provider";

import { callerKey } from "./callerKey.js";

/**
 * SDK clients ask a provider again this long before an identity's `expiration`
 * (`EXPIRATION_MS` of `@smithy/core`, the window of the SDK's own default chains).
 *
 * @internal
 */
export const SDK_IDENTITY_REFRESH_WINDOW_MS = 5 * 60_000;

type Provider<T> = (properties?: Record<string, unknown>) => Promise<T>;

/**
 * Memoizes `provider` the SDK's way, with `memoize` of `@smithy/property-provider`: an
 * identity is reused until it is within {@link SDK_IDENTITY_REFRESH_WINDOW_MS} of its
 * `expiration` (`isIdentityExpired`), an identity without `expiration` is kept for good
 * (`doesIdentityRequireRefresh`), concurrent callers share one pending call, and
 * `forceRefresh` asks again. Two differences make it fit for a provider that serves many
 * profiles: there is one memo per caller (see {@link callerKey}), and the caller's identity
 * properties (its profile, `forceRefresh`) reach `provider`, which `memoize` alone drops.
 *
 * @param now - The clock for the expiry test, in epoch milliseconds. Default `Date.now`.
 * @internal
 */
export function memoizeByCaller<T extends { expiration?: Date }>(
  provider: Provider<T>,
  now: () => number = Date.now,
): Provider<T> {
  const memos = new Map<string, { memo: Provider<T>; latest: Record<string, unknown> }>();
  const isExpired = (identity: T) =>
    identity.expiration !== undefined &&
    identity.expiration.getTime() - now() < SDK_IDENTITY_REFRESH_WINDOW_MS;
  const requiresRefresh = (identity: T) => identity.expiration !== undefined;

  return async (properties: Record<string, unknown> = {}) => {
    const key = callerKey(properties);
    let entry = memos.get(key);
    if (entry === undefined) {
      const created = { latest: properties } as { memo: Provider<T>; latest: typeof properties };
      created.memo = memoize(
        () => {
          // A forced refresh is spent by the call it asked for, not repeated by a later one.
          const { forceRefresh: _spent, ...rest } = created.latest;
          const current = created.latest;
          created.latest = rest;
          return provider(current);
        },
        isExpired,
        requiresRefresh,
      );
      memos.set(key, created);
      entry = created;
    }

    // `memoize` calls the provider without arguments; it reads the latest caller's instead.
    entry.latest = properties;
    return await entry.memo(properties.forceRefresh === true ? { forceRefresh: true } : {});
  };
}
