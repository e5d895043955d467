import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./providerChild.mjs", import.meta.url));

/** What one provider child process printed. */
export interface ChildResult {
  ok: boolean;
  digest?: string;
  expiration?: string;
  code?: string;
  message?: string;
  stderr: string;
}

/** Runs the provider child once with `options`, in `env`. */
export function runProviderChild(
  env: NodeJS.ProcessEnv,
  options: Record<string, unknown> = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, JSON.stringify(options)], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", () => {
      try {
        resolve({ ...JSON.parse(stdout.trim().split("\n").pop() ?? ""), stderr });
      } catch {
        reject(new Error(`provider child printed no result; stderr: ${stderr}`));
      }
    });
  });
}

/** Starts `count` provider children at once and waits for all of them. */
export function runProviderChildren(
  count: number,
  env: NodeJS.ProcessEnv,
  options: Record<string, unknown> = {},
): Promise<ChildResult[]> {
  return Promise.all(Array.from({ length: count }, () => runProviderChild(env, options)));
}
