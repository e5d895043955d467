import { inspect } from "node:util";

import type { AwsCredentialIdentity } from "@aws-sdk/types";

/** The parts of {@link SsoRoleCredentials}, as GetRoleCredentials returns them. @public */
export interface SsoRoleCredentialsFields {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  accountId: string;
}

/**
 * Role credentials from the SSO portal: `accessKeyId`, `secretAccessKey`, `sessionToken`,
 * `expiration` and `accountId`, readable as on any SDK credentials object, so signers use
 * them as they are. The secret key and session token are kept off the object's own
 * properties: `util.inspect`, `JSON.stringify` and `toString` show `[redacted]` for them.
 * A spread copy (`{ ...credentials }`) therefore holds no secret; pass the object itself.
 *
 * @public
 */
export class SsoRoleCredentials implements AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly #secretAccessKey: string;
  readonly #sessionToken: string;
  readonly expiration: Date;
  readonly accountId: string;

  constructor(fields: SsoRoleCredentialsFields) {
    this.accessKeyId = fields.accessKeyId;
    this.#secretAccessKey = fields.secretAccessKey;
    this.#sessionToken = fields.sessionToken;
    this.expiration = fields.expiration;
    this.accountId = fields.accountId;
  }

  /** The secret access key, for signing. */
  get secretAccessKey(): string {
    return this.#secretAccessKey;
  }

  /** The session token, sent as `x-amz-security-token`. */
  get sessionToken(): string {
    return this.#sessionToken;
  }

  toJSON(): Record<string, string> {
    return {
      accessKeyId: this.accessKeyId,
      secretAccessKey: "[redacted]",
      sessionToken: "[redacted]",
      expiration: this.expiration.toISOString(),
      accountId: this.accountId,
    };
  }

  toString(): string {
    return (
      `SsoRoleCredentials(${this.accessKeyId} for account ${this.accountId}, ` +
      `expires ${this.expiration.toISOString()})`
    );
  }

  [inspect.custom](): string {
    return (
      `SsoRoleCredentials { accessKeyId: '${this.accessKeyId}', secretAccessKey: '[redacted]', ` +
      `sessionToken: '[redacted]', expiration: ${this.expiration.toISOString()}, ` +
      `accountId: '${this.accountId}' }`
    );
  }
}
