import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { getTokenFilepath } from "../../src/cache/index.js";

/** The built command line, as `npx sso-token-provider` runs it. */
export const CLI_PATH = fileURLToPath(new URL("../../dist/esm/cli/main.js", import.meta.url));

/** Fails early, with the fix, when the command line has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} is missing: run \`npm run build\` (npm test does) first.`);
  }
}

/** How a finished command ended and what it printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running command. */
export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in standard error, as it arrives. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  result: Promise<CliResult>;
}

/** Starts `sso-token-provider <args>` in its own process, with exactly `env`. */
export function startCli(args: string[], env: NodeJS.ProcessEnv): CliProcess {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env });
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const listener of listeners) listener();
  });

  const result = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });

  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    result,
    waitForStderr(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = stderr.match(pattern);
          if (!match) return;
          cleanup();
          resolve(match);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} on stderr within ${timeoutMs} ms; stderr:\n${stderr}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          cleanup();
          reject(new Error(`the command ended without ${pattern} on stderr; stderr:\n${stderr}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("close", onExit);
        };
        listeners.add(check);
        child.once("close", onExit);
        check();
      });
    },
  };
}

/** Runs `sso-token-provider <args>` to the end. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return await startCli(args, env).result;
}

export const START_URL = "https://d-1234567890.awsapps.com/start";
export const LEGACY_START_URL = "https://legacy.awsapps.com/start";

/** The config most command line tests use: a session, a profile on it, a legacy profile. */
export const CONFIG = [
  "[profile dev]",
  "sso_session = my-sso",
  "",
  "[sso-session my-sso]",
  `sso_start_url = ${START_URL}`,
  "sso_region = us-east-1",
  "sso_registration_scopes = sso:account:access",
  "",
  "[sso-session other]",
  "sso_start_url = https://other.awsapps.com/start",
  "sso_region = eu-west-1",
  "",
  "[profile old]",
  `sso_start_url = ${LEGACY_START_URL}`,
  "sso_region = eu-west-1",
  "",
].join("\n");

/** A temporary home with `~/.aws/config`, and the environment a command runs in. */
export interface CliHome {
  home: string;
  env: NodeJS.ProcessEnv;
  tokenPath(key: string): string;
  cleanup(): Promise<void>;
}

/**
 * A fresh home for command line runs, pointed at `endpointUrl` (the emulator) for SSO OIDC
 * and the portal. Only the variables a command needs are passed: no AWS_PROFILE, no
 * desktop, and no browser unless a test adds one.
 */
export async function createCliHome(endpointUrl: string, config = CONFIG): Promise<CliHome> {
  const home = await mkdtemp(join(tmpdir(), "sso-cli-"));
  await mkdir(join(home, ".aws"), { recursive: true });
  await writeFile(join(home, ".aws", "config"), config);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, ".aws", "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
    AWS_ENDPOINT_URL_SSO_OIDC: endpointUrl,
    AWS_ENDPOINT_URL_SSO: endpointUrl,
    SSO_TOKEN_PROVIDER_NO_BROWSER: "1",
  };
  return {
    home,
    env,
    tokenPath: (key) => getTokenFilepath(key, home),
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

const ANNOUNCE_SIGINT = new URL("./announceSigintHandler.mjs", import.meta.url).href;

/**
 * `env` plus what makes a started command announce, in `readyFile`, that it has installed
 * its Ctrl-C handler (see announceSigintHandler.mjs); wait for it with
 * {@link waitForSigintHandler} before sending SIGINT.
 */
export function withSigintAnnouncement(env: NodeJS.ProcessEnv, readyFile: string) {
  return {
    ...env,
    NODE_OPTIONS: `--import=${ANNOUNCE_SIGINT}`,
    SSO_TEST_SIGINT_READY_FILE: readyFile,
  };
}

/** Waits until a command started with {@link withSigintAnnouncement} handles SIGINT. */
export async function waitForSigintHandler(readyFile: string): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (existsSync(readyFile)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the command never installed its SIGINT handler (${readyFile})`);
}
