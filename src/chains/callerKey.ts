import { callerProperties } from "../provider/callerProperties.js";

/**
 * What identifies the caller of a provider for memoization: the `profile` and config paths
 * its SDK client passes (see {@link callerProperties}). Two clients on different profiles get
 * different keys, so a memoized provider shared by both never hands one the other's identity.
 *
 * @internal
 */
export function callerKey(properties: Record<string, unknown>): string {
  const caller = callerProperties(properties);
  return JSON.stringify([caller.profile, caller.configFilepath, caller.filepath]);
}
