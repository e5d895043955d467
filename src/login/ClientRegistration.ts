import { inspect } from "node:util";

/** Which login flow a client registration was made for. @public */
export type LoginFlow = "pkce" | "device";

/**
 * A client registration (RegisterClient's answer) as cached in `~/.aws/sso/cache`. The
 * client secret is kept off the object's enumerable properties, so logging the object or
 * `JSON.stringify` never shows it.
 *
 * @public
 */
export class ClientRegistration {
  readonly clientId: string;
  /** When the registration (its client secret) expires. */
  readonly expiresAt: Date;
  /** The scopes it was registered with, as cached; undefined when none were cached. */
  readonly scopes?: readonly string[];
  /** The grant types it was registered with (the PKCE flow records them). */
  readonly grantTypes?: readonly string[];
  readonly #clientSecret: string;

  constructor(fields: {
    clientId: string;
    clientSecret: string;
    expiresAt: Date;
    scopes?: readonly string[];
    grantTypes?: readonly string[];
  }) {
    this.clientId = fields.clientId;
    this.#clientSecret = fields.clientSecret;
    this.expiresAt = fields.expiresAt;
    if (fields.scopes !== undefined) this.scopes = [...fields.scopes];
    if (fields.grantTypes !== undefined) this.grantTypes = [...fields.grantTypes];
  }

  get clientSecret(): string {
    return this.#clientSecret;
  }

  /**
   * The flow it serves, judged as the AWS CLI judges it: a registration whose grant types
   * include `authorization_code` is for the PKCE flow, any other for the device flow.
   */
  get flow(): LoginFlow {
    return this.grantTypes?.includes("authorization_code") ? "pkce" : "device";
  }

  toJSON(): Record<string, unknown> {
    return {
      clientId: this.clientId,
      clientSecret: "[hidden]",
      expiresAt: this.expiresAt.toISOString(),
      scopes: this.scopes,
      grantTypes: this.grantTypes,
    };
  }

  [inspect.custom](_depth: number, options: object): string {
    return `ClientRegistration ${inspect(this.toJSON(), options)}`;
  }
}
