import { createHash, randomBytes, randomInt } from "node:crypto";

// Values look like the service's (prefixes, alphabets, lengths) so that code which sniffs
// them, and people reading logs, are not surprised; they carry no meaning.

const USER_CODE_LETTERS = "BCDFGHJKLMNPQRSTVWXZ";
const KEY_ID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** A random URL-safe string from `bytes` random bytes. @internal */
export function randomBase64Url(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** A client id, like the service's 22-character ids. @internal */
export function newClientId(): string {
  return randomBase64Url(16);
}

/** A client secret (opaque; the service's are long signed blobs). @internal */
export function newClientSecret(): string {
  return randomBase64Url(96);
}

/** An access token; the service's start with `aoa`. @internal */
export function newAccessToken(): string {
  return `aoa${randomBase64Url(96)}`;
}

/** A refresh token; the service's start with `aor`. @internal */
export function newRefreshToken(): string {
  return `aor${randomBase64Url(96)}`;
}

/** A device code. @internal */
export function newDeviceCode(): string {
  return randomBase64Url(48);
}

/** A user code `XXXX-XXXX` of consonants, easy to read and type. @internal */
export function newUserCode(): string {
  const letter = () => USER_CODE_LETTERS[randomInt(USER_CODE_LETTERS.length)];
  const half = () => Array.from({ length: 4 }, letter).join("");
  return `${half()}-${half()}`;
}

/** A PKCE authorization code. @internal */
export function newAuthorizationCode(): string {
  return randomBase64Url(32);
}

/** A temporary access key id: `ASIA` and 16 more characters. @internal */
export function newAccessKeyId(): string {
  const letter = () => KEY_ID_LETTERS[randomInt(KEY_ID_LETTERS.length)];
  return `ASIA${Array.from({ length: 16 }, letter).join("")}`;
}

/** A 40-character secret access key. @internal */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString("base64");
}

/** A session token. @internal */
export function newSessionToken(): string {
  return randomBytes(192).toString("base64");
}

/** A stable role id (`AROA...`) for a role name in an account. @internal */
export function roleIdFor(accountId: string, roleName: string): string {
  const digest = createHash("sha256").update(`${accountId}/${roleName}`).digest();
  const letters = Array.from(digest.subarray(0, 17), (byte) => KEY_ID_LETTERS[byte % 32]);
  return `AROA${letters.join("")}`;
}
