import { EMULATOR_OPERATIONS, type EmulatorOperation } from "./EmulatorOperation.js";

/**
 * Short names of the CreateToken grant types in {@link EmulatorCounters}; `other` counts
 * missing or unsupported grant types.
 *
 * @public
 */
export type GrantTypeKey = "refresh_token" | "device_code" | "authorization_code" | "other";

/**
 * What the emulator has seen since it started or since {@link Emulator.resetCounters}.
 * All plain numbers; {@link Emulator.counters} returns a copy.
 *
 * @public
 */
export interface EmulatorCounters {
  /**
   * Requests per operation (each starts at 0). `Authorize` counts every `/authorize` route,
   * the approval page's status polls included.
   */
  requests: Record<EmulatorOperation, number>;
  /** CreateToken answers with tokens, per grant type. */
  createTokenSuccesses: Record<GrantTypeKey, number>;
  /** CreateToken error answers (faults included), per grant type. */
  createTokenFailures: Record<GrantTypeKey, number>;
  /** `invalid_grant` errors sent. */
  invalidGrant: number;
  /** `invalid_client` errors sent. */
  invalidClient: number;
  /** All error answers (4xx and 5xx), any operation. */
  errors: number;
  /** Faults applied. */
  faultsApplied: number;
  /** Access tokens issued (over HTTP; `issueSession` is not counted). */
  accessTokensIssued: number;
  /** Refresh tokens issued (over HTTP). */
  refreshTokensIssued: number;
  /** Role credentials issued by GetRoleCredentials. */
  roleCredentialsIssued: number;
}

/** Fresh counters, all 0. @internal */
export function createCounters(): EmulatorCounters {
  const requests = Object.fromEntries(EMULATOR_OPERATIONS.map((operation) => [operation, 0]));

  return {
    requests: requests as Record<EmulatorOperation, number>,
    createTokenSuccesses: grantCounters(),
    createTokenFailures: grantCounters(),
    invalidGrant: 0,
    invalidClient: 0,
    errors: 0,
    faultsApplied: 0,
    accessTokensIssued: 0,
    refreshTokensIssued: 0,
    roleCredentialsIssued: 0,
  };
}

/** A deep copy, so callers cannot change the live counters. @internal */
export function copyCounters(counters: EmulatorCounters): EmulatorCounters {
  return {
    ...counters,
    requests: { ...counters.requests },
    createTokenSuccesses: { ...counters.createTokenSuccesses },
    createTokenFailures: { ...counters.createTokenFailures },
  };
}

/** The counter key of a CreateToken grant type. @internal */
export function grantTypeKey(grantType: unknown): GrantTypeKey {
  switch (grantType) {
    case "refresh_token":
      return "refresh_token";
    case "authorization_code":
      return "authorization_code";
    case "urn:ietf:params:oauth:grant-type:device_code":
      return "device_code";
    default:
      return "other";
  }
}

function grantCounters(): Record<GrantTypeKey, number> {
  return { refresh_token: 0, device_code: 0, authorization_code: 0, other: 0 };
}
