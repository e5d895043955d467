import { formatTimestamp } from "./formatTimestamp.js";
import { hideSecrets } from "./hideSecrets.js";
import type { TokenFile } from "./TokenFile.js";

/** What a refresh (CreateToken with `refresh_token`) changes in a token record. */
export interface RefreshedToken {
  accessToken: string;
  expiresAt: Date;
  /** The new refresh token, when the service sent one; else the old one is kept. */
  refreshToken?: string;
}

/**
 * The record to write back after a refresh: every field of `old.record` in its order (unknown
 * ones included), with `accessToken` replaced, `expiresAt` set in the CLI's form
 * ({@link formatTimestamp}) and `refreshToken` replaced only when a new one is given. Keys the
 * old record lacked are added at the end. `registrationExpiresAt` and every other field are
 * copied as they were written.
 *
 * Keeping the old refresh token matters: the service may omit it, and the JS, Python, Go and
 * Java SDKs then drop it from the file, which makes the next refresh impossible.
 *
 * @returns a new record; logging it shows the safe fields only ({@link hideSecrets}).
 * @public
 */
export function mergeRefreshedToken(
  old: TokenFile,
  update: RefreshedToken,
): Record<string, unknown> {
  const record: Record<string, unknown> = { ...old.record };

  record.accessToken = update.accessToken;
  record.expiresAt = formatTimestamp(update.expiresAt);
  if (update.refreshToken !== undefined && update.refreshToken !== "") {
    record.refreshToken = update.refreshToken;
  }

  return hideSecrets(record);
}
