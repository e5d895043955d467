import type { ResolvedEmulatorOptions } from "./resolveEmulatorOptions.js";
import {
  newAccessKeyId,
  newAccessToken,
  newAuthorizationCode,
  newClientId,
  newClientSecret,
  newDeviceCode,
  newRefreshToken,
  newSecretAccessKey,
  newSessionToken,
  newUserCode,
  randomBase64Url,
} from "./randomValues.js";

/** The device-code grant type. @internal */
export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** A registered client. @internal */
export interface ClientRecord {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  /** As registered; empty means the default set (device code and refresh token). */
  grantTypes: string[];
  redirectUris: string[];
  issuedAt: number;
  expiresAt: number;
}

/** Where an approval stands. @internal */
export type ApprovalStatus = "pending" | "approved" | "denied";

/** A device authorization. @internal */
export interface DeviceRecord {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  createdAt: number;
  expiresAt: number;
  status: ApprovalStatus;
  /** Tokens were issued for it; it cannot be used again. */
  consumed: boolean;
  lastPollAt: number | undefined;
}

/** An `/authorize` request. @internal */
export interface AuthorizeRecord {
  id: string;
  clientId: string;
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  createdAt: number;
  expiresAt: number;
  status: ApprovalStatus;
  /** The browser was sent to the callback; the request cannot be continued again. */
  completed: boolean;
}

/** A PKCE authorization code. @internal */
export interface CodeRecord {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

/** An access token's record. @internal */
export interface AccessTokenRecord {
  clientId: string;
  expiresAt: number;
  revoked: boolean;
}

/** A refresh token's record. @internal */
export interface RefreshTokenRecord {
  clientId: string;
  /** When the login it descends from ends. */
  sessionExpiresAt: number;
}

/** Role credentials handed out by GetRoleCredentials. @internal */
export interface RoleCredentialsRecord {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  expiration: number;
}

/** Tokens issued by one grant. @internal */
export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken: string | undefined;
}

// Expired records are swept after this many insertions, so long soak runs stay small.
const SWEEP_EVERY = 500;

/**
 * All the emulator's state, in memory: clients, device and authorize requests, codes,
 * tokens and role credentials. Expiry decisions use the options' clock.
 *
 * @internal
 */
export class EmulatorStore {
  readonly #options: ResolvedEmulatorOptions;
  readonly clients = new Map<string, ClientRecord>();
  readonly devices = new Map<string, DeviceRecord>();
  readonly authorizeRequests = new Map<string, AuthorizeRecord>();
  readonly #codes = new Map<string, CodeRecord>();
  readonly #accessTokens = new Map<string, AccessTokenRecord>();
  readonly #refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly #roleCredentials = new Map<string, RoleCredentialsRecord>();
  #insertions = 0;

  constructor(options: ResolvedEmulatorOptions) {
    this.#options = options;
  }

  /** The injected clock, in epoch milliseconds. */
  now(): number {
    return this.#options.now();
  }

  /** Registers a client; `lifetimeSeconds` defaults to the registration lifetime option. */
  registerClient(input: {
    clientName: string;
    scopes: string[];
    grantTypes: string[];
    redirectUris: string[];
    lifetimeSeconds?: number;
  }): ClientRecord {
    const issuedAt = this.now();
    const lifetime = input.lifetimeSeconds ?? this.#options.registrationLifetimeSeconds;
    const client: ClientRecord = {
      clientId: newClientId(),
      clientSecret: newClientSecret(),
      clientName: input.clientName,
      scopes: [...input.scopes],
      grantTypes: [...input.grantTypes],
      redirectUris: [...input.redirectUris],
      issuedAt,
      expiresAt: issuedAt + lifetime * 1000,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  /**
   * The client with this id and secret whose registration is current, or a description of
   * why there is none (all of them are `invalid_client` on the wire).
   */
  authenticateClient(clientId: string, clientSecret: string): ClientRecord | string {
    const client = this.clients.get(clientId);
    if (client === undefined) return "Invalid client provided";
    if (client.clientSecret !== clientSecret) return "Invalid client provided";
    if (client.expiresAt <= this.now()) return "Client registration has expired";
    return client;
  }

  /** Whether the client may use this grant type. */
  allowsGrant(client: ClientRecord, grantType: string): boolean {
    if (client.grantTypes.length === 0) {
      return grantType === DEVICE_CODE_GRANT || grantType === "refresh_token";
    }
    return client.grantTypes.includes(grantType);
  }

  /**
   * Whether logins of this client get refresh tokens. As the service does, a client
   * registered without scopes gets none; with any scope (for example
   * `sso:account:access`) it gets one, unless it registered grant types without
   * `refresh_token`.
   */
  issuesRefreshTokens(client: ClientRecord): boolean {
    return client.scopes.length > 0 && this.allowsGrant(client, "refresh_token");
  }

  /** Starts a device authorization. */
  startDevice(client: ClientRecord, startUrl: string): DeviceRecord {
    const createdAt = this.now();
    const device: DeviceRecord = {
      deviceCode: newDeviceCode(),
      userCode: this.#uniqueUserCode(),
      clientId: client.clientId,
      startUrl,
      createdAt,
      expiresAt: createdAt + this.#options.deviceCodeLifetimeSeconds * 1000,
      status: this.#options.autoApprove ? "approved" : "pending",
      consumed: false,
      lastPollAt: undefined,
    };
    this.devices.set(device.deviceCode, device);
    this.#inserted();
    return device;
  }

  /** The device authorization with this device code or user code (any letter case). */
  findDevice(code: string): DeviceRecord | undefined {
    const byDeviceCode = this.devices.get(code);
    if (byDeviceCode !== undefined) return byDeviceCode;
    const userCode = code.trim().toUpperCase();
    for (const device of this.devices.values()) {
      if (device.userCode === userCode) return device;
    }
    return undefined;
  }

  /** Records an `/authorize` request whose client and redirect URI were checked. */
  createAuthorizeRequest(input: {
    clientId: string;
    redirectUri: string;
    state: string | undefined;
    codeChallenge: string;
  }): AuthorizeRecord {
    const createdAt = this.now();
    const request: AuthorizeRecord = {
      id: randomBase64Url(12),
      ...input,
      createdAt,
      // A browser login is abandoned after 10 minutes, as the AWS CLI gives up then too.
      expiresAt: createdAt + 600_000,
      status: this.#options.autoApprove ? "approved" : "pending",
      completed: false,
    };
    this.authorizeRequests.set(request.id, request);
    this.#inserted();
    return request;
  }

  /** Issues a single-use authorization code for an approved `/authorize` request. */
  issueCode(request: AuthorizeRecord): string {
    const code = newAuthorizationCode();
    this.#codes.set(code, {
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      expiresAt: this.now() + this.#options.authorizationCodeLifetimeSeconds * 1000,
    });
    this.#inserted();
    return code;
  }

  /** Looks up an authorization code and uses it up, whatever happens next. */
  takeCode(code: string): CodeRecord | undefined {
    const record = this.#codes.get(code);
    this.#codes.delete(code);
    return record;
  }

  /**
   * Issues an access token (and a refresh token if the client gets them). `sessionExpiresAt`
   * carries the login's end across refreshes.
   */
  issueTokens(
    client: ClientRecord,
    options: {
      sessionExpiresAt?: number;
      accessTokenLifetimeSeconds?: number;
      withRefreshToken?: boolean;
    } = {},
  ): IssuedTokens {
    const now = this.now();
    const lifetime = options.accessTokenLifetimeSeconds ?? this.#options.accessTokenLifetimeSeconds;
    const accessToken = newAccessToken();
    const expiresAt = now + lifetime * 1000;
    this.#accessTokens.set(accessToken, { clientId: client.clientId, expiresAt, revoked: false });

    let refreshToken: string | undefined;
    if (options.withRefreshToken ?? this.issuesRefreshTokens(client)) {
      refreshToken = newRefreshToken();
      this.#refreshTokens.set(refreshToken, {
        clientId: client.clientId,
        sessionExpiresAt:
          options.sessionExpiresAt ?? now + this.#options.sessionLifetimeSeconds * 1000,
      });
    }

    this.#inserted();
    return { accessToken, expiresIn: lifetime, expiresAt, refreshToken };
  }

  /** The record of a refresh token that can still be used, or undefined. */
  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    const record = this.#refreshTokens.get(token);
    if (record === undefined || record.sessionExpiresAt <= this.now()) return undefined;
    return record;
  }

  /** Makes a refresh token unusable (it was used, and refresh tokens rotate). */
  consumeRefreshToken(token: string): void {
    this.#refreshTokens.delete(token);
  }

  /** The record of an access token that is valid now, or undefined. */
  validAccessToken(token: string | undefined): AccessTokenRecord | undefined {
    if (token === undefined || token === "") return undefined;
    const record = this.#accessTokens.get(token);
    if (record === undefined || record.revoked || record.expiresAt <= this.now()) return undefined;
    return record;
  }

  /** Revokes an access token; false if it was never issued. */
  revokeAccessToken(token: string): boolean {
    const record = this.#accessTokens.get(token);
    if (record === undefined) return false;
    record.revoked = true;
    return true;
  }

  /** Issues role credentials and remembers them for STS. */
  issueRoleCredentials(accountId: string, roleName: string): RoleCredentialsRecord {
    const record: RoleCredentialsRecord = {
      accessKeyId: newAccessKeyId(),
      secretAccessKey: newSecretAccessKey(),
      sessionToken: newSessionToken(),
      accountId,
      roleName,
      expiration: this.now() + this.#options.roleCredentialsLifetimeSeconds * 1000,
    };
    this.#roleCredentials.set(record.accessKeyId, record);
    this.#inserted();
    return record;
  }

  /** The role credentials with this access key id, expired or not. */
  findRoleCredentials(accessKeyId: string): RoleCredentialsRecord | undefined {
    return this.#roleCredentials.get(accessKeyId);
  }

  #uniqueUserCode(): string {
    const inUse = new Set([...this.devices.values()].map((device) => device.userCode));
    let userCode = newUserCode();
    while (inUse.has(userCode)) userCode = newUserCode();
    return userCode;
  }

  #inserted(): void {
    this.#insertions += 1;
    if (this.#insertions % SWEEP_EVERY === 0) this.#sweep();
  }

  // Drops records that can no longer matter to any answer. Access tokens and role
  // credentials are kept a day past expiry so "expired" stays distinguishable from "unknown".
  #sweep(): void {
    const now = this.now();
    const graceMs = 24 * 60 * 60 * 1000;
    for (const [key, device] of this.devices) {
      if (device.expiresAt + graceMs <= now) this.devices.delete(key);
    }
    for (const [key, request] of this.authorizeRequests) {
      if (request.expiresAt + graceMs <= now) this.authorizeRequests.delete(key);
    }
    for (const [key, code] of this.#codes) {
      if (code.expiresAt + graceMs <= now) this.#codes.delete(key);
    }
    for (const [key, token] of this.#accessTokens) {
      if (token.expiresAt + graceMs <= now) this.#accessTokens.delete(key);
    }
    for (const [key, token] of this.#refreshTokens) {
      if (token.sessionExpiresAt <= now) this.#refreshTokens.delete(key);
    }
    for (const [key, credentials] of this.#roleCredentials) {
      if (credentials.expiration + graceMs <= now) this.#roleCredentials.delete(key);
    }
  }
}
