import { inspect } from "node:util";

import type { TokenIdentity } from "@aws-sdk/types";

/**
 * The bearer token this package hands to SDK clients: `{ token, expiration }`, with
 * `expiration` always set. The token is kept off the object's own properties, so
 * `util.inspect`, `JSON.stringify`, `toString` and logging show `[redacted]` instead.
 *
 * @public
 */
export class SsoTokenIdentity implements TokenIdentity {
  readonly #token: string;
  readonly expiration: Date;

  constructor(token: string, expiration: Date) {
    this.#token = token;
    this.expiration = expiration;
  }

  /** The access token, for the `Authorization: Bearer` header. */
  get token(): string {
    return this.#token;
  }

  toJSON(): Record<string, string> {
    return { token: "[redacted]", expiration: this.expiration.toISOString() };
  }

  toString(): string {
    return `SsoTokenIdentity(expires ${this.expiration.toISOString()})`;
  }

  [inspect.custom](): string {
    return `SsoTokenIdentity { token: '[redacted]', expiration: ${this.expiration.toISOString()} }`;
  }
}
