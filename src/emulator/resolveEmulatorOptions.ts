import { SsoTokenProviderError } from "../errors/index.js";

import type { ApprovalHook } from "./ApprovalRequest.js";
import type { EmulatorAccount, EmulatorOptions, EmulatorSpace } from "./EmulatorOptions.js";
import type { EmulatorRequestEvent } from "./EmulatorRequestEvent.js";

const DAY_SECONDS = 24 * 60 * 60;

/** Default lifetime of access tokens, in seconds. @public */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
/** Default lifetime of client registrations: 90 days, in seconds. @public */
export const DEFAULT_REGISTRATION_LIFETIME_SECONDS = 90 * DAY_SECONDS;
/** Default lifetime of a login's refresh tokens: 90 days, in seconds. @public */
export const DEFAULT_SESSION_LIFETIME_SECONDS = 90 * DAY_SECONDS;
/** Default lifetime of device codes, in seconds. @public */
export const DEFAULT_DEVICE_CODE_LIFETIME_SECONDS = 600;
/** Default device polling interval, in seconds. @public */
export const DEFAULT_DEVICE_CODE_INTERVAL_SECONDS = 1;
/** Default lifetime of PKCE authorization codes, in seconds. @public */
export const DEFAULT_AUTHORIZATION_CODE_LIFETIME_SECONDS = 300;
/** Default lifetime of role credentials, in seconds. @public */
export const DEFAULT_ROLE_CREDENTIALS_LIFETIME_SECONDS = 3600;

/** The portal account offered when the `accounts` option is not given. @public */
export const DEFAULT_EMULATOR_ACCOUNT: Readonly<EmulatorAccount> = Object.freeze({
  accountId: "111122223333",
  accountName: "Emulated account",
  roles: ["ReadOnly"],
});

/** The CodeCatalyst space offered when the `spaces` option is not given. @public */
export const DEFAULT_EMULATOR_SPACE: Readonly<EmulatorSpace> = Object.freeze({
  name: "emulated-space",
  regionName: "us-west-2",
});

/** An account with every field filled in. @internal */
export interface ResolvedAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

/** A space with every field filled in. @internal */
export interface ResolvedSpace {
  name: string;
  regionName: string;
  displayName: string;
  description?: string;
}

/** {@link EmulatorOptions} with defaults applied and values checked. @internal */
export interface ResolvedEmulatorOptions {
  port: number;
  autoApprove: boolean;
  approvalHook: ApprovalHook | undefined;
  accessTokenLifetimeSeconds: number;
  registrationLifetimeSeconds: number;
  sessionLifetimeSeconds: number;
  deviceCodeLifetimeSeconds: number;
  deviceCodeIntervalSeconds: number;
  authorizationCodeLifetimeSeconds: number;
  roleCredentialsLifetimeSeconds: number;
  latencyMs: number;
  now: () => number;
  accounts: ResolvedAccount[];
  spaces: ResolvedSpace[];
  userName: string;
  onRequest: ((event: EmulatorRequestEvent) => void) | undefined;
}

/**
 * Applies the defaults of {@link EmulatorOptions} and checks each value, throwing an
 * `EMULATOR_INVALID_USAGE` error that names the option and what it must be.
 *
 * @internal
 */
export function resolveEmulatorOptions(options: EmulatorOptions = {}): ResolvedEmulatorOptions {
  const o = { ...options };

  o.port ??= 0;
  o.autoApprove ??= false;
  o.accessTokenLifetimeSeconds ??= DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS;
  o.registrationLifetimeSeconds ??= DEFAULT_REGISTRATION_LIFETIME_SECONDS;
  o.sessionLifetimeSeconds ??= DEFAULT_SESSION_LIFETIME_SECONDS;
  o.deviceCodeLifetimeSeconds ??= DEFAULT_DEVICE_CODE_LIFETIME_SECONDS;
  o.deviceCodeIntervalSeconds ??= DEFAULT_DEVICE_CODE_INTERVAL_SECONDS;
  o.authorizationCodeLifetimeSeconds ??= DEFAULT_AUTHORIZATION_CODE_LIFETIME_SECONDS;
  o.roleCredentialsLifetimeSeconds ??= DEFAULT_ROLE_CREDENTIALS_LIFETIME_SECONDS;
  o.latencyMs ??= 0;
  o.now ??= Date.now;
  o.accounts ??= [DEFAULT_EMULATOR_ACCOUNT];
  o.spaces ??= [DEFAULT_EMULATOR_SPACE];
  o.userName ??= "emulator-user";

  checkInteger("port", o.port, 0, 65535);
  checkBoolean("autoApprove", o.autoApprove);
  checkFunction("approvalHook", o.approvalHook, true);
  checkFunction("now", o.now, false);
  checkFunction("onRequest", o.onRequest, true);
  // Wire fields such as expiresIn and interval are integers, so these must be too.
  checkInteger("accessTokenLifetimeSeconds", o.accessTokenLifetimeSeconds, 0);
  checkInteger("registrationLifetimeSeconds", o.registrationLifetimeSeconds, 1);
  checkInteger("sessionLifetimeSeconds", o.sessionLifetimeSeconds, 1);
  checkInteger("deviceCodeLifetimeSeconds", o.deviceCodeLifetimeSeconds, 1);
  checkInteger("deviceCodeIntervalSeconds", o.deviceCodeIntervalSeconds, 0);
  checkInteger("authorizationCodeLifetimeSeconds", o.authorizationCodeLifetimeSeconds, 1);
  checkInteger("roleCredentialsLifetimeSeconds", o.roleCredentialsLifetimeSeconds, 1);
  checkInteger("latencyMs", o.latencyMs, 0);
  checkName("userName", o.userName);

  return {
    port: o.port,
    autoApprove: o.autoApprove,
    approvalHook: o.approvalHook,
    accessTokenLifetimeSeconds: o.accessTokenLifetimeSeconds,
    registrationLifetimeSeconds: o.registrationLifetimeSeconds,
    sessionLifetimeSeconds: o.sessionLifetimeSeconds,
    deviceCodeLifetimeSeconds: o.deviceCodeLifetimeSeconds,
    deviceCodeIntervalSeconds: o.deviceCodeIntervalSeconds,
    authorizationCodeLifetimeSeconds: o.authorizationCodeLifetimeSeconds,
    roleCredentialsLifetimeSeconds: o.roleCredentialsLifetimeSeconds,
    latencyMs: o.latencyMs,
    now: o.now,
    accounts: resolveAccounts(o.accounts),
    spaces: resolveSpaces(o.spaces),
    userName: o.userName,
    onRequest: o.onRequest,
  };
}

function resolveAccounts(accounts: unknown): ResolvedAccount[] {
  if (!Array.isArray(accounts) || accounts.length === 0) {
    throw invalid("accounts", "a non-empty array of { accountId, roles }");
  }

  const seen = new Set<string>();
  return accounts.map((account: Partial<EmulatorAccount>, index) => {
    const where = `accounts[${index}]`;
    if (typeof account?.accountId !== "string" || !/^\d{12}$/.test(account.accountId)) {
      throw invalid(`${where}.accountId`, "a string of 12 digits");
    }
    if (seen.has(account.accountId)) {
      throw invalid(`${where}.accountId`, "unique (it repeats an earlier account)");
    }
    seen.add(account.accountId);
    const roles = account.roles;
    if (!Array.isArray(roles) || roles.length === 0) {
      throw invalid(`${where}.roles`, "a non-empty array of role names");
    }
    roles.forEach((role, roleIndex) => checkName(`${where}.roles[${roleIndex}]`, role));
    if (account.accountName !== undefined) checkName(`${where}.accountName`, account.accountName);
    if (account.emailAddress !== undefined) {
      checkName(`${where}.emailAddress`, account.emailAddress);
    }

    return {
      accountId: account.accountId,
      accountName: account.accountName ?? `Account ${account.accountId}`,
      emailAddress: account.emailAddress ?? `aws+${account.accountId}@example.com`,
      roles: [...roles],
    };
  });
}

function resolveSpaces(spaces: unknown): ResolvedSpace[] {
  if (!Array.isArray(spaces)) throw invalid("spaces", "an array of { name }");

  return spaces.map((space: Partial<EmulatorSpace>, index) => {
    const where = `spaces[${index}]`;
    checkName(`${where}.name`, space?.name);
    if (space.regionName !== undefined) checkName(`${where}.regionName`, space.regionName);
    if (space.displayName !== undefined) checkName(`${where}.displayName`, space.displayName);
    const resolved: ResolvedSpace = {
      name: space.name as string,
      regionName: space.regionName ?? "us-west-2",
      displayName: space.displayName ?? (space.name as string),
    };
    if (space.description !== undefined) resolved.description = String(space.description);
    return resolved;
  });
}

function checkInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, `an integer from ${min} to ${max}`);
  }
}

function checkBoolean(name: string, value: unknown) {
  if (typeof value !== "boolean") throw invalid(name, "true or false");
}

function checkFunction(name: string, value: unknown, optional: boolean) {
  if (optional && value === undefined) return;
  if (typeof value !== "function") throw invalid(name, "a function");
}

function checkName(name: string, value: unknown) {
  if (typeof value !== "string" || value.trim() === "") {
    throw invalid(name, "a non-empty string");
  }
}

/** The error for a bad option or argument of the emulator. @internal */
export function invalid(name: string, expected: string): SsoTokenProviderError {
  return new SsoTokenProviderError(
    `Emulator option \`${name}\` is invalid: it must be ${expected}.`,
    { code: "EMULATOR_INVALID_USAGE" },
  );
}
