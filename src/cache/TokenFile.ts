import { inspect } from "node:util";

import { describeRecord, hideSecrets } from "./hideSecrets.js";
import { formatMode } from "./tokenFilePermissionError.js";
import { validateTokenRecord } from "./validateTokenRecord.js";

/** What the file system said about the file a record was read from. */
export interface TokenFileStats {
  /** `st.mode & 0o777` */
  mode: number;
  /** The owner's uid (0 on Windows). */
  uid: number;
  mtimeMs: number;
}

/**
 * A parsed, validated token cache file.
 *
 * `record` keeps every field as read, in file order, secrets and unknown fields included, so a
 * rewrite can keep what this package does not own. It is a deeply frozen copy.
 *
 * Secrets stay out of logs: `util.inspect`, `JSON.stringify` and `toString` of a TokenFile (and
 * of its `record`) show the safe fields only, and the secret getters live on the prototype, so
 * `{ ...tokenFile }` does not copy them either.
 *
 * One limit of JavaScript objects: keys that look like array indexes (`"0"`, `"17"`) come first
 * in `record` whatever their place in the file. No AWS tool writes such keys.
 *
 * @public
 */
export class TokenFile {
  readonly filepath: string;
  readonly expiresAt: Date;
  readonly clientId?: string;
  readonly registrationExpiresAt?: Date;
  readonly region?: string;
  readonly startUrl?: string;
  /** `st.mode & 0o777` of the file read. */
  readonly mode: number;
  /** The file owner's uid. */
  readonly uid: number;
  readonly mtimeMs: number;

  readonly #record: Readonly<Record<string, unknown>>;
  readonly #accessToken: string;
  readonly #refreshToken: string | undefined;
  readonly #clientSecret: string | undefined;

  /**
   * Validates `record` (see {@link validateTokenRecord}) and keeps a frozen copy of it.
   *
   * @throws SsoTokenProviderError `TOKEN_FILE_INVALID` naming `filepath` and the bad key.
   */
  constructor(filepath: string, record: unknown, stats: TokenFileStats) {
    const fields = validateTokenRecord(filepath, record);

    this.filepath = filepath;
    this.expiresAt = fields.expiresAt;
    this.clientId = fields.clientId;
    this.registrationExpiresAt = fields.registrationExpiresAt;
    this.region = fields.region;
    this.startUrl = fields.startUrl;
    this.mode = stats.mode & 0o777;
    this.uid = stats.uid;
    this.mtimeMs = stats.mtimeMs;

    // A copy, so freezing it leaves the caller's objects alone.
    const copy = structuredClone(record) as Record<string, unknown>;
    this.#record = deepFreeze(hideSecrets(copy));
    this.#accessToken = fields.accessToken;
    this.#refreshToken = fields.refreshToken;
    this.#clientSecret = fields.clientSecret;
  }

  /** Every field as read, in file order. Logging it shows the safe fields only. */
  get record(): Readonly<Record<string, unknown>> {
    return this.#record;
  }

  get accessToken(): string {
    return this.#accessToken;
  }

  /** Absent when the file has none (or an empty one). */
  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  get clientSecret(): string | undefined {
    return this.#clientSecret;
  }

  /** A summary without secrets: which secrets are present, never their values. */
  toJSON(): Record<string, unknown> {
    return {
      filepath: this.filepath,
      expiresAt: this.expiresAt.toISOString(),
      registrationExpiresAt: this.registrationExpiresAt?.toISOString(),
      region: this.region,
      startUrl: this.startUrl,
      clientId: this.clientId,
      hasRefreshToken: this.#refreshToken !== undefined,
      hasClientSecret: this.#clientSecret !== undefined,
      mode: formatMode(this.mode),
      uid: this.uid,
      mtimeMs: this.mtimeMs,
      record: describeRecord(this.#record),
    };
  }

  toString(): string {
    return `TokenFile(${this.filepath}, expires ${this.expiresAt.toISOString()})`;
  }

  [inspect.custom](_depth: number, options: object): string {
    return `TokenFile ${inspect(this.toJSON(), options)}`;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
