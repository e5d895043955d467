import { readdir } from "node:fs/promises";
import { join } from "node:path";

import { getCacheDir, getTokenFilepath, removeTokenFile } from "../cache/index.js";
import { forgetRefusedRefreshToken } from "../provider/refusedRefreshToken.js";
import { getHomeDir, type SsoConfig } from "../config/index.js";
import { acquireSessionLock, LockNotAcquiredError } from "../lock/index.js";
import { readRawCacheEntry } from "./readRawCacheEntry.js";
import {
  signOutOfPortal,
  type PortalLogoutOutcome,
  type SsoPortalClientConfig,
} from "./signOutOfPortal.js";

/** Options of {@link logoutSession} and {@link logoutAllSessions}. @public */
export interface LogoutInit {
  /** The home folder whose `.aws/sso/cache` is used. Default `getHomeDir()`. */
  homeDir?: string;
  /** Options of the SSO portal client (endpoint, requestHandler...). Default none. */
  clientConfig?: SsoPortalClientConfig;
  /** How long to wait for a refresh holding the session's lock. Default 10 seconds. */
  lockTimeoutMs?: number;
  /** The clock, epoch ms; an expired token is not sent to the portal. Default `Date.now`. */
  now?: () => number;
}

/** What logout did with one token file. No secret is in it. @public */
export interface LogoutResult {
  filepath: string;
  /** Whether a file was removed (false: there was none). */
  removed: boolean;
  /** The portal's Logout call. */
  portal: PortalLogoutOutcome;
  /** Why this file could not be handled (another login holds it, ...); it was left alone. */
  error?: string;
}

const DEFAULT_LOCK_TIMEOUT_MS = 10_000;
const LOCK_STALE_MS = 10_000;

/**
 * Signs one session out: under the session's lock, ends the portal session of its token
 * (best effort) and removes its token file. The client registration stays cached.
 *
 * @public
 */
export async function logoutSession(
  config: SsoConfig,
  init: LogoutInit = {},
): Promise<LogoutResult> {
  const homeDir = init.homeDir ?? getHomeDir();
  const key = config.kind === "session" ? config.sessionName! : config.startUrl;
  return await logoutFile(getTokenFilepath(key, homeDir), config.region, init);
}

/**
 * Signs out of every SSO session, as `aws sso logout` does: each JSON file in
 * `~/.aws/sso/cache` that holds an `accessToken` is signed out of the portal (best effort,
 * when it names its region) and removed, under its lock. Registration files (no
 * `accessToken`) are kept. Files that cannot be handled are reported, the rest go on.
 *
 * @public
 */
export async function logoutAllSessions(init: LogoutInit = {}): Promise<LogoutResult[]> {
  const cacheDir = getCacheDir(init.homeDir ?? getHomeDir());
  let names: string[];
  try {
    names = await readdir(cacheDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }

  const results: LogoutResult[] = [];
  for (const name of names.filter((entry) => entry.endsWith(".json")).sort()) {
    const filepath = join(cacheDir, name);
    const entry = await readRawCacheEntry(filepath);
    if (!entry?.isTokenFile) continue;
    results.push(await logoutFile(filepath, undefined, init));
  }
  return results;
}

async function logoutFile(
  filepath: string,
  configuredRegion: string | undefined,
  init: LogoutInit,
): Promise<LogoutResult> {
  let lock;
  try {
    lock = await acquireSessionLock(filepath, {
      timeoutMs: init.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
      staleMs: LOCK_STALE_MS,
      purpose: "refresh",
    });
  } catch (error) {
    const skipped: PortalLogoutOutcome = { status: "skipped", reason: "not signed out" };
    return { filepath, removed: false, portal: skipped, error: describeLockFailure(error) };
  }

  try {
    const entry = await readRawCacheEntry(filepath);
    if (entry === undefined) {
      return { filepath, removed: false, portal: { status: "skipped", reason: "no token file" } };
    }

    const portal = await endPortalSession(entry, configuredRegion, init);
    const removed = await removeTokenFile(filepath);
    // The note of a refused refresh token means nothing once its token file is gone.
    await forgetRefusedRefreshToken(filepath);
    return { filepath, removed, portal };
  } finally {
    await lock.release();
  }
}

async function endPortalSession(
  entry: Awaited<ReturnType<typeof readRawCacheEntry>> & object,
  configuredRegion: string | undefined,
  init: LogoutInit,
): Promise<PortalLogoutOutcome> {
  const region = entry.region ?? configuredRegion;
  const now = (init.now ?? Date.now)();
  if (entry.accessToken === undefined) {
    return { status: "skipped", reason: "the file holds no usable access token" };
  }
  if (region === undefined) return { status: "skipped", reason: "the file names no region" };
  if (entry.expiresAt !== undefined && entry.expiresAt.getTime() <= now) {
    return { status: "skipped", reason: "the token had expired already" };
  }
  return await signOutOfPortal(entry.accessToken, region, init.clientConfig);
}

function describeLockFailure(error: unknown): string {
  if (error instanceof LockNotAcquiredError) {
    if (error.loginInProgress) {
      return (
        `a login of this session is in progress (it holds ${error.lockPath}); finish or ` +
        "stop it, then log out again"
      );
    }
    if (error.reason === "busy") {
      return (
        `another process holds ${error.lockPath}; try again, or remove that folder if no ` +
        "other process is running"
      );
    }
    return `${error.lockPath} cannot be created; check the folder's owner and permissions`;
  }
  return error instanceof Error ? error.message : String(error);
}
