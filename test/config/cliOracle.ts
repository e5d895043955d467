import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The oracle script that reads config files with the AWS CLI's own code (botocore). */
export const ORACLE_SCRIPT = fileURLToPath(
  new URL("../../fixtures/config/cli-oracle.py", import.meta.url),
);

let available: boolean | undefined;

/** Whether `python3` with botocore can run the oracle here (tests that need it skip if not). */
export function cliOracleAvailable(): boolean {
  if (available === undefined) {
    const probe = spawnSync("python3", ["-c", "import botocore"], { stdio: "ignore" });
    available = probe.status === 0;
  }
  return available;
}

/** Runs the oracle with one request and returns its JSON answer. */
export function runCliOracle<T>(request: unknown): T {
  const result = spawnSync("python3", [ORACLE_SCRIPT], {
    input: JSON.stringify(request),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`cli-oracle.py failed (${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
