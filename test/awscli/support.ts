// Shared by the AWS CLI tests: the config both tools read, and ways to look at the cache file.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";

import { SSO_REGION, START_URL } from "../helpers/sandbox.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The sso-session both tools use, and the profile that names it (its cache key). */
export const SESSION = "cli-shared";
export const PROFILE = "bearer";

/** `~/.aws/config` for both tools: profile `bearer` (with a region) on sso-session `cli-shared`. */
export const CONFIG = [
  `[profile ${PROFILE}]`,
  `sso_session = ${SESSION}`,
  "region = us-west-2",
  "",
  `[sso-session ${SESSION}]`,
  `sso_start_url = ${START_URL}`,
  `sso_region = ${SSO_REGION}`,
  "sso_registration_scopes = sso:account:access",
  "",
].join("\n");

/** `aws codecatalyst list-spaces` as the profile: a bearer call, refreshing when needed. */
export const LIST_SPACES = [
  "codecatalyst",
  "list-spaces",
  "--profile",
  PROFILE,
  "--output",
  "json",
];

/** The key order of a token file the AWS CLI writes (login and refresh alike). */
export const CLI_KEY_ORDER = [
  "startUrl",
  "region",
  "accessToken",
  "expiresAt",
  "clientId",
  "clientSecret",
  "registrationExpiresAt",
  "refreshToken",
];

/** `YYYY-MM-DDTHH:MM:SSZ`, the CLI's timestamp form. */
export const CLI_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** A token cache file as it is on disk. */
export interface CacheFileView {
  raw: string;
  record: Record<string, string>;
  /** `st_mode & 0o777` */
  mode: number;
}

export async function readCacheFile(filepath: string): Promise<CacheFileView> {
  const raw = await readFile(filepath, "utf8");
  const mode = (await stat(filepath)).mode & 0o777;
  return { raw, record: JSON.parse(raw) as Record<string, string>, mode };
}

/** The names in the cache file's folder, sorted. */
export async function cacheFolderNames(filepath: string): Promise<string[]> {
  return (await readdir(dirname(filepath))).sort();
}

/** The digest the provider child prints for a token (it never prints the token). */
export function digestOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The seconds of an ISO timestamp. */
export function epochSeconds(timestamp: string): number {
  return Math.floor(Date.parse(timestamp) / 1000);
}

/** Waits in short real steps until `condition` holds; fails after `limitMs`. */
export async function waitUntil(
  what: string,
  condition: () => boolean,
  limitMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
