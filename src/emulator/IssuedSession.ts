/**
 * Options of {@link Emulator.issueSession}.
 *
 * @public
 */
export interface IssueSessionOptions {
  /**
   * Scopes of the registration. Default `["sso:account:access"]`. With `[]` no refresh
   * token is issued (as the service does for clients registered without scopes).
   */
  scopes?: string[];
  /**
   * Lifetime of the access token from the emulator's `now`; 0 or negative gives a token that
   * is already expired. Default: the emulator's `accessTokenLifetimeSeconds`.
   */
  accessTokenLifetimeSeconds?: number;
  /**
   * Lifetime of the registration from `now`; 0 or negative gives an expired registration.
   * Default: the emulator's `registrationLifetimeSeconds`.
   */
  registrationLifetimeSeconds?: number;
  /** The registered client name. Default `"sso-token-provider-emulator-session"`. */
  clientName?: string;
}

/**
 * A login made in memory by {@link Emulator.issueSession}, with the values a token cache
 * file holds. It contains secrets on purpose (tests write them into cache files): read the
 * fields, or spread the object, to get them. `util.inspect` and `JSON.stringify` of the
 * object itself show them as `[redacted]`.
 *
 * @public
 */
export interface IssuedSession {
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: Date;
  accessToken: string;
  /** Absent when the registration has no scopes. */
  refreshToken?: string;
  expiresAt: Date;
  scopes: string[];
}
