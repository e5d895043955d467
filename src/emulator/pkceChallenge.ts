import { createHash } from "node:crypto";

/** The PKCE `S256` challenge of a verifier: base64url(sha256(verifier)), unpadded. @internal */
export function pkceChallenge(codeVerifier: string): string {
  return createHash("sha256").update(codeVerifier, "ascii").digest("base64url");
}

/** Whether a verifier has the form RFC 7636 §4.1 requires (43-128 unreserved characters). */
export function isWellFormedVerifier(codeVerifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(codeVerifier);
}
