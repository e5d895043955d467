import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

import type { it } from "vitest";

import { requireTool } from "./requireTool.js";

/**
 * Where Debian's `awscli` package (AWS CLI v2) installs the CLI. Called by its full path:
 * an older `aws` (a v1 from pip or pyenv) can come first on `PATH`.
 */
export const AWS_CLI = "/usr/bin/aws";

/**
 * The services the tests point at an endpoint of their own: login, portal, bearer calls, and
 * STS for a SigV4-signed call with role credentials.
 */
const SERVICES = ["sso-oidc", "sso", "codecatalyst", "sts"] as const;

/**
 * The `botocore/data` folder bundled with Debian's AWS CLI v2, found through `dpkg -L
 * awscli` (its path names the Python version), or undefined when there is no such package
 * or it lacks an endpoint rule set for one of {@link SERVICES} (a v1 package, for instance).
 */
export function findBundledBotocoreData(): string | undefined {
  bundledData ??= { path: lookUpBundledBotocoreData() };
  return bundledData.path;
}

/** The answer of {@link findBundledBotocoreData}, looked up once per process. */
let bundledData: { path: string | undefined } | undefined;

function lookUpBundledBotocoreData(): string | undefined {
  let listing: string;
  try {
    listing = execFileSync("dpkg", ["-L", "awscli"], { encoding: "utf8", stdio: "pipe" });
  } catch {
    return undefined;
  }

  const ruleSet = listing
    .split("\n")
    .find((line) => /\/botocore\/data\/sso-oidc\/[^/]+\/endpoint-rule-set-1\.json$/.test(line));
  if (ruleSet === undefined) return undefined;

  const data = ruleSet.replace(/\/sso-oidc\/[^/]+\/endpoint-rule-set-1\.json$/, "");
  const complete = SERVICES.every((service) => bundledRuleSetPath(data, service) !== undefined);
  return complete ? data : undefined;
}

/**
 * The `it` for tests that run the real AWS CLI v2: they run where Debian's `awscli` is
 * installed, are skipped with the reason elsewhere, and fail in CI (see {@link requireTool}).
 */
export function requireAwsCli(): typeof it {
  const available = existsSync(AWS_CLI) && findBundledBotocoreData() !== undefined;
  return requireTool(
    "aws CLI v2",
    available,
    `these tests run Debian's AWS CLI v2 (${AWS_CLI} with its bundled botocore data) ` +
      "against the emulator; install it with `apt-get install awscli`",
  );
}

/** What one run of the CLI printed, and how it ended. */
export interface AwsCliResult {
  /** The exit code; null when a signal ended it (the timeout, for instance). */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link AwsCli.run}. */
export interface RunAwsCliOptions {
  /** Called with all of standard output so far, each time more arrives. Default: none. */
  onStdout?: (stdout: string) => void;
  /** The run is killed after this long. Default 30 seconds. */
  timeoutMs?: number;
}

/** The AWS CLI v2, set up for one sandbox home and one endpoint. */
export interface AwsCli {
  /** The folder `AWS_DATA_PATH` names: endpoint rule sets that return the endpoint. */
  dataPath: string;
  /** The whole environment of each run (nothing else of the test process is passed on). */
  env: NodeJS.ProcessEnv;
  /** Runs `/usr/bin/aws` with `args` and resolves when it exits (never rejects on exit codes). */
  run(args: string[], options?: RunAwsCliOptions): Promise<AwsCliResult>;
}

/** Options of {@link prepareAwsCli}. */
export interface PrepareAwsCliOptions {
  /** The sandbox home: `HOME`, and where the data path folder is made. */
  home: string;
  /** The shared config file (`AWS_CONFIG_FILE`). */
  configPath: string;
  /** Where every SSO OIDC, SSO portal, CodeCatalyst and STS call goes, e.g. `emulator.url`. */
  endpointUrl: string;
  /**
   * More variables for each run, added last (they win). The CLI passes its environment on to
   * a `credential_process` child, so this is how such a child gets what it needs.
   * Default: none.
   */
  extraEnv?: NodeJS.ProcessEnv;
}

/**
 * Points the AWS CLI v2 at `endpointUrl` for SSO OIDC, the SSO portal, CodeCatalyst and STS,
 * and returns a runner with a closed environment.
 *
 * Why `AWS_DATA_PATH` and not `AWS_ENDPOINT_URL_SSO_OIDC`: Debian 12's CLI (2.9.19) predates
 * service-specific endpoint variables (AWS CLI 2.13) and ignores them, and `--endpoint-url`
 * reaches only the command's own service, not the SSO OIDC client behind a bearer token. An
 * `endpoint-rule-set-1.json` found first on `AWS_DATA_PATH` replaces the bundled one; each
 * written here keeps the bundled file's `parameters` (the CLI passes those in) and has one
 * rule that returns the endpoint. The bundled service models are still used.
 */
export async function prepareAwsCli(options: PrepareAwsCliOptions): Promise<AwsCli> {
  const bundled = findBundledBotocoreData();
  if (bundled === undefined) {
    throw new Error("prepareAwsCli: Debian's awscli package (AWS CLI v2) is not installed");
  }

  const dataPath = join(options.home, "aws-cli-data");
  for (const service of SERVICES) {
    const source = bundledRuleSetPath(bundled, service)!;
    const version = source.split("/").at(-2)!;
    const ruleSet = JSON.parse(await readFile(source, "utf8")) as Record<string, unknown>;
    await mkdir(join(dataPath, service, version), { recursive: true });
    await writeFile(
      join(dataPath, service, version, "endpoint-rule-set-1.json"),
      JSON.stringify(fixedEndpointRuleSet(ruleSet, options.endpointUrl), null, 2),
    );
  }

  const env: NodeJS.ProcessEnv = {
    PATH: "/usr/bin:/bin",
    LANG: "C.UTF-8",
    HOME: options.home,
    AWS_CONFIG_FILE: options.configPath,
    AWS_SHARED_CREDENTIALS_FILE: join(options.home, ".aws", "credentials"),
    AWS_DATA_PATH: dataPath,
    // Output straight to the pipe, no prompts, no instance metadata lookups.
    AWS_PAGER: "",
    AWS_CLI_AUTO_PROMPT: "off",
    AWS_EC2_METADATA_DISABLED: "true",
    // A region for any client that would otherwise look for one; no real endpoint is used.
    AWS_DEFAULT_REGION: "us-east-1",
    // One attempt per call, so the emulator's counters are exactly what the CLI decided.
    AWS_MAX_ATTEMPTS: "1",
    ...options.extraEnv,
  };

  return {
    dataPath,
    env,
    run: (args, runOptions = {}) => runAwsCli(args, env, runOptions),
  };
}

/** The bundled rule set's `version` and `parameters`, and one rule: always `endpointUrl`. */
function fixedEndpointRuleSet(
  bundled: Record<string, unknown>,
  endpointUrl: string,
): Record<string, unknown> {
  return {
    version: bundled.version,
    parameters: bundled.parameters,
    rules: [
      {
        conditions: [],
        type: "endpoint",
        endpoint: { url: endpointUrl, properties: {}, headers: {} },
      },
    ],
  };
}

/** The newest API version's bundled rule set of `service`, if there is one. */
function bundledRuleSetPath(data: string, service: string): string | undefined {
  const folder = join(data, service);
  if (!existsSync(folder)) return undefined;

  const versions = readdirSync(folder).sort().reverse();
  const ruleSetOf = (version: string) => join(folder, version, "endpoint-rule-set-1.json");
  const version = versions.find((name) => existsSync(ruleSetOf(name)));
  return version === undefined ? undefined : ruleSetOf(version);
}

function runAwsCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: RunAwsCliOptions,
): Promise<AwsCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(AWS_CLI, args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // Generous: on two loaded cores a CLI start alone can take seconds.
      timeout: options.timeoutMs ?? 120_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      options.onStdout?.(stdout);
    });
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
