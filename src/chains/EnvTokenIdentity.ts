import { inspect } from "node:util";

import type { TokenIdentity } from "@aws-sdk/types";

/**
 * A bearer token read from a service's `AWS_BEARER_TOKEN_<SIGNING NAME>` variable. It has no
 * `expiration` (the SDK gives such tokens none either), and its value is kept off the object's
 * own properties, so `util.inspect`, `JSON.stringify` and `toString` show only where it came
 * from.
 *
 * @public
 */
export class EnvTokenIdentity implements TokenIdentity {
  readonly #token: string;
  /** The variable the token was read from. */
  readonly variable: string;

  constructor(token: string, variable: string) {
    this.#token = token;
    this.variable = variable;
  }

  /** The token, for the `Authorization: Bearer` header. */
  get token(): string {
    return this.#token;
  }

  toJSON(): Record<string, string> {
    return { token: "[redacted]", variable: this.variable };
  }

  toString(): string {
    return `EnvTokenIdentity(from ${this.variable})`;
  }

  [inspect.custom](): string {
    return `EnvTokenIdentity { token: '[redacted]', variable: '${this.variable}' }`;
  }
}
