import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

import { serializeTokenRecord } from "../../src/cache/index.js";

const CHILD = fileURLToPath(new URL("./lockHolderChild.mjs", import.meta.url));

/** Another process of ours holding a session's lock, under the test's control. */
export interface LockHolder {
  /** Writes `record` (if any) as the cache file, releases the lock and waits for the exit. */
  finish(record?: Record<string, unknown>): Promise<void>;
}

/** Starts a process that takes the lock of `filepath` and resolves once it holds it. */
export async function holdLockInAnotherProcess(
  filepath: string,
  env: NodeJS.ProcessEnv,
  purpose: "refresh" | "login" = "refresh",
): Promise<LockHolder> {
  const child = spawn(process.execPath, [CHILD, filepath, purpose], {
    env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let output = "";
  const exited = once(child, "exit");
  child.stdout.setEncoding("utf8");
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("locked")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
  });

  return {
    async finish(record) {
      child.stdin.end(record ? `${serializeTokenRecord(record)}\n` : "\n");
      const [code] = await exited;
      if (code !== 0) throw new Error(`lock holder exited with ${code}`);
    },
  };
}
