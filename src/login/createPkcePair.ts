import { createHash, randomInt, randomUUID } from "node:crypto";

const VERIFIER_ALPHABET =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
const VERIFIER_LENGTH = 64;

/**
 * The secrets of one PKCE authorization request (RFC 7636) and its `state`. The verifier
 * is a secret: it never leaves this process except in the CreateToken request, and
 * `util.inspect`/`JSON.stringify` of this object leave it out.
 *
 * @internal
 */
export interface PkcePair {
  /** 64 characters from the unreserved set, as the AWS CLI draws them. */
  readonly verifier: string;
  /** base64url(sha256(verifier)) without padding; method S256. */
  readonly challenge: string;
  /** A random UUID that the callback must echo. */
  readonly state: string;
}

/** Draws a fresh verifier, its S256 challenge and a random `state`. @internal */
export function createPkcePair(): PkcePair {
  let verifier = "";
  for (let i = 0; i < VERIFIER_LENGTH; i++) {
    verifier += VERIFIER_ALPHABET[randomInt(VERIFIER_ALPHABET.length)];
  }
  const challenge = createHash("sha256").update(verifier, "ascii").digest("base64url");

  const pair = { challenge, state: randomUUID() } as PkcePair;
  Object.defineProperty(pair, "verifier", { value: verifier, enumerable: false });
  return pair;
}
