import { createHash } from "node:crypto";

import { serializeTokenRecord } from "../cache/index.js";

/** What names a client registration in the AWS CLI's cache. */
export interface RegistrationCacheKeyInput {
  /** The start URL as configured. */
  startUrl: string;
  /** The sso_region. */
  region: string;
  /** The configured `sso_registration_scopes`, or undefined when none are configured. */
  scopes?: readonly string[];
  /** The sso-session name; undefined for a legacy profile. */
  sessionName?: string;
}

/**
 * The name (without `.json`) of the file in `~/.aws/sso/cache` that holds a client
 * registration, computed exactly as the AWS CLI computes it, so both tools share it: the
 * lowercase hex sha1 of Python's `json.dumps(args, sort_keys=True)` over
 * `{tool: "botocore", startUrl, region, scopes, session_name}`, where `scopes` and
 * `session_name` are `null` when absent. That text uses `", "` and `": "` as separators and
 * escapes every character outside printable ASCII as `\uXXXX`.
 *
 * @public
 */
export function registrationCacheKey(input: RegistrationCacheKeyInput): string {
  const args: Record<string, unknown> = {
    tool: "botocore",
    startUrl: input.startUrl,
    region: input.region,
    scopes: input.scopes === undefined ? null : [...input.scopes],
    session_name: input.sessionName ?? null,
  };

  // serializeTokenRecord writes Python's json.dumps form in key order; sorting the keys first
  // gives sort_keys=True (the keys are ASCII, where code units and code points sort alike).
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(args).sort()) sorted[key] = args[key];

  return createHash("sha1").update(serializeTokenRecord(sorted), "utf8").digest("hex");
}
