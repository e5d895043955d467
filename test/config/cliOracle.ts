import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { requireTool } from "../helpers/requireTool.js";

/** The oracle script that reads config files with the AWS CLI's own code (botocore). */
export const ORACLE_SCRIPT = fileURLToPath(
  new URL("../../fixtures/config/cli-oracle.py", import.meta.url),
);

/**
 * The first Python that has botocore: Debian's (where `apt-get install python3-botocore`
 * puts it), then whatever `python3` is first on PATH (a pyenv one may come first).
 */
const PYTHON = ["/usr/bin/python3", "python3"].find(
  (python) => spawnSync(python, ["-c", "import botocore"], { stdio: "ignore" }).status === 0,
);

/** Whether a Python with botocore can run the oracle here. */
export function cliOracleAvailable(): boolean {
  return PYTHON !== undefined;
}

/**
 * The `it` for tests that ask botocore (see {@link requireTool}): they skip, saying why, when
 * python3 with botocore is missing, and fail instead under
 * `SSO_TOKEN_PROVIDER_REQUIRE_ALL_TESTS=1`.
 */
export function itWithBotocore() {
  return requireTool(
    "python3 with botocore",
    cliOracleAvailable(),
    "these tests compare with the AWS CLI's own reading of config files; " +
      "apt-get install -y python3-botocore (or pip install botocore)",
  );
}

/** Runs the oracle with one request and returns its JSON answer. */
export function runCliOracle<T>(request: unknown): T {
  const result = spawnSync(PYTHON ?? "python3", [ORACLE_SCRIPT], {
    input: JSON.stringify(request),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`cli-oracle.py failed (${result.status}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}
