import { createHash } from "node:crypto";
import { join } from "node:path";

/**
 * The folder that holds SSO token and client registration files: `<homeDir>/.aws/sso/cache`.
 *
 * @public
 */
export function getCacheDir(homeDir: string): string {
  return join(homeDir, ".aws", "sso", "cache");
}

/**
 * The token cache file of one session, as every AWS tool names it:
 * `<homeDir>/.aws/sso/cache/<lowercase hex sha1 of key>.json`, where `key` is the sso-session
 * name, or the start URL for a legacy profile. The key is hashed as UTF-8, like the AWS CLI.
 *
 * @throws TypeError when `key` is empty: no tool ever writes that file, so it is a caller bug.
 * @public
 */
export function getTokenFilepath(key: string, homeDir: string): string {
  if (typeof key !== "string" || key.length === 0) {
    throw new TypeError("getTokenFilepath: the key (session name or start URL) is empty");
  }

  const hash = createHash("sha1").update(key, "utf8").digest("hex");
  return join(getCacheDir(homeDir), `${hash}.json`);
}
