import type { TokenFile } from "../cache/index.js";

/**
 * What this process remembers about one token cache file, shared by every provider in the
 * process (as the SDK's own provider shares its in-flight map).
 *
 * @internal
 */
export interface SessionState {
  /** The refresh under way in this process, joined by every concurrent caller. */
  inFlight?: Promise<{ accessToken: string; expiresAt: Date }>;
  /** When (by the provider's clock) the last refresh attempt failed. */
  lastFailedRefreshAtMs?: number;
  /** The file as last read, and when and how it looked then (for the hot path). */
  lastRead?: { file: TokenFile; checkedAtMs: number; signature: string };
  /**
   * A refreshed token that could not be written (no lock, failed write). Only this process
   * has it, so it is served while valid instead of refreshing again with a spent token.
   */
  memoryOnly?: { accessToken: string; expiresAt: Date; refreshToken?: string };
}

const states = new Map<string, SessionState>();

/** The state of one cache file, created on first use. @internal */
export function sessionStateFor(filepath: string): SessionState {
  let state = states.get(filepath);
  if (!state) {
    state = {};
    states.set(filepath, state);
  }
  return state;
}
