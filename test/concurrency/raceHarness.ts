import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

import { newTokenRecord, writeTokenFile } from "../../src/cache/index.js";
import type { Emulator } from "../../src/emulator/index.js";
import {
  SSO_REGION,
  START_URL,
  type Sandbox,
  type SeededToken,
} from "../helpers/sandbox.js";

const CHILD = fileURLToPath(new URL("../helpers/providerChild.mjs", import.meta.url));

/** One call a timed provider child made (see `test/helpers/providerChild.mjs`). */
export interface ChildCall {
  ok: boolean;
  atMs: number;
  servedAtMs?: number;
  digest?: string;
  expiration?: string;
  verifyStatus?: number;
  verifiedAtMs?: number;
  code?: string;
  message?: string;
}

/** What a timed provider child printed, plus how it ended. */
export interface TimedChildResult {
  ok: boolean;
  digest?: string;
  code?: string;
  message?: string;
  calls: ChildCall[];
  warnings: string[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** How a timed child runs: see the `child` options of `providerChild.mjs`. */
export interface ChildPlan {
  startAtMs?: number;
  untilMs?: number;
  intervalMs?: number;
  verifyUrl?: string;
  clockOffsetMs?: number;
  startWhenExists?: string;
}

/** A running provider child: its pid (to kill it) and its result once it has ended. */
export interface RunningChild {
  pid: number;
  result: Promise<TimedChildResult>;
  kill(): void;
}

/**
 * Starts a provider child in timed mode. The result resolves when it ends, also when it was
 * killed (then with `signal` set and no calls).
 */
export function startProviderChild(
  env: NodeJS.ProcessEnv,
  options: Record<string, unknown>,
  plan: ChildPlan = {},
): RunningChild {
  const child = spawn(process.execPath, [CHILD, JSON.stringify({ ...options, child: plan })], {
    env,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));

  const result = new Promise<TimedChildResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => {
      const last = stdout.trim().split("\n").pop() ?? "";
      let printed: Partial<TimedChildResult> = { ok: false, calls: [], warnings: [] };
      if (last !== "") {
        try {
          printed = JSON.parse(last);
        } catch {
          reject(new Error(`provider child printed ${JSON.stringify(last)}; stderr: ${stderr}`));
          return;
        }
      } else if (signal === null) {
        reject(new Error(`provider child printed nothing (exit ${exitCode}); stderr: ${stderr}`));
        return;
      }
      resolve({ ...(printed as TimedChildResult), exitCode, signal, stderr });
    });
  });

  return {
    pid: child.pid!,
    result,
    kill: () => child.kill("SIGKILL"),
  };
}

/** Starts `count` timed children at once and waits for all of them. */
export function runTimedChildren(
  count: number,
  env: NodeJS.ProcessEnv,
  options: Record<string, unknown>,
  plan: ChildPlan,
): Promise<TimedChildResult[]> {
  return Promise.all(
    Array.from({ length: count }, () => startProviderChild(env, options, plan).result),
  );
}

/** What {@link watchCacheFile} saw. */
export interface CacheFileWatch {
  reads: number;
  /** Reads whose text was not a whole JSON object (a reader saw a partial file). */
  partialReads: number;
  /** Digests of the access tokens seen on disk, in the order they appeared. */
  accessTokens: string[];
}

/**
 * Reads the cache file over and over, as another reader (the AWS CLI, an SDK) would, until
 * `stop` is called: counts reads that do not parse and records each access token that appears.
 */
export function watchCacheFile(filepath: string): { stop(): Promise<CacheFileWatch> } {
  const seen: CacheFileWatch = { reads: 0, partialReads: 0, accessTokens: [] };
  let running = true;

  const loop = (async () => {
    while (running) {
      let text: string;
      try {
        text = await readFile(filepath, "utf8");
      } catch {
        await sleep(2);
        continue;
      }
      seen.reads++;
      try {
        const record = JSON.parse(text) as Record<string, unknown>;
        const digest = digestOf(String(record.accessToken));
        if (seen.accessTokens[seen.accessTokens.length - 1] !== digest) {
          seen.accessTokens.push(digest);
        }
      } catch {
        seen.partialReads++;
      }
      await sleep(1);
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      return seen;
    },
  };
}

/** The digest a provider child prints for a token. */
export function digestOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a session in the emulator whose access token stays valid there for `validForSeconds`
 * and caches it (as the AWS CLI would) with `expiresAt` as the file's expiry, which may be
 * earlier, so the provider sees it expire while the emulator still accepts it.
 */
export async function seedTokenExpiringAt(
  emulator: Emulator,
  sandbox: Sandbox,
  expiresAt: Date,
  validForSeconds = 120,
): Promise<SeededToken> {
  const issued = emulator.issueSession({ accessTokenLifetimeSeconds: validForSeconds });
  const filepath = sandbox.tokenPath("my-sso");
  await writeTokenFile(
    filepath,
    newTokenRecord({
      startUrl: START_URL,
      region: SSO_REGION,
      accessToken: issued.accessToken,
      expiresAt,
      clientId: issued.clientId,
      clientSecret: issued.clientSecret,
      registrationExpiresAt: issued.registrationExpiresAt,
      refreshToken: issued.refreshToken,
    }),
  );
  return {
    filepath,
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken!,
    clientId: issued.clientId,
    clientSecret: issued.clientSecret,
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
  };
}
