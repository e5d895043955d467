import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import {
  formatTimestamp,
  getTokenFilepath,
  newTokenRecord,
  writeTokenFile,
} from "../../src/cache/index.js";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";

/** A temporary home with a shared config file, and the environment that points at both. */
export interface Sandbox {
  home: string;
  configPath: string;
  /** For child processes: HOME, AWS_CONFIG_FILE and the emulator's endpoints, nothing else of ours. */
  env: NodeJS.ProcessEnv;
  tokenPath(key: string): string;
  cleanup(): Promise<void>;
}

/** Creates a sandbox home holding `config` as `~/.aws/config`. */
export async function createSandbox(config: string, emulator?: Emulator): Promise<Sandbox> {
  const home = await mkdtemp(join(tmpdir(), "sso-token-provider-"));
  const configPath = join(home, ".aws", "config");
  await mkdir(join(home, ".aws"), { recursive: true });
  await writeFile(configPath, config);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    AWS_CONFIG_FILE: configPath,
    AWS_SHARED_CREDENTIALS_FILE: join(home, ".aws", "credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(emulator
      ? { AWS_ENDPOINT_URL_SSO_OIDC: emulator.url, AWS_ENDPOINT_URL_SSO: emulator.url }
      : {}),
  };
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;

  return {
    home,
    configPath,
    env,
    tokenPath: (key) => getTokenFilepath(key, home),
    cleanup: () => rm(home, { recursive: true, force: true }),
  };
}

/** Points this process at the sandbox, as a user's shell would. */
export function useSandboxEnv(sandbox: Sandbox): void {
  process.env.HOME = sandbox.home;
  process.env.AWS_CONFIG_FILE = sandbox.configPath;
  process.env.AWS_SHARED_CREDENTIALS_FILE = sandbox.env.AWS_SHARED_CREDENTIALS_FILE;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_DEFAULT_PROFILE;
}

export const START_URL = "https://d-1234567890.awsapps.com/start";
export const SSO_REGION = "us-east-1";

/** A config with one sso-session and a profile `dev` that uses it. */
export function sessionConfig(session = "my-sso", profile = "dev"): string {
  return [
    `[profile ${profile}]`,
    `sso_session = ${session}`,
    "",
    `[sso-session ${session}]`,
    `sso_start_url = ${START_URL}`,
    `sso_region = ${SSO_REGION}`,
    "sso_registration_scopes = sso:account:access",
    "",
  ].join("\n");
}

/** What {@link seedToken} wrote, with the secrets a test may compare against. */
export interface SeededToken {
  filepath: string;
  accessToken: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  expiresAt: Date;
}

/**
 * Registers a client and issues a token in the emulator, then caches it as the AWS CLI
 * would, expiring `expiresInMs` from `nowMs`. `extra` fields are appended to the record.
 */
export async function seedToken(
  emulator: Emulator,
  sandbox: Sandbox,
  options: {
    key?: string;
    expiresInMs: number;
    nowMs?: number;
    extra?: Record<string, unknown>;
    registrationExpiresAt?: Date | null;
  },
): Promise<SeededToken> {
  const issued = emulator.issueSession({ scopes: ["sso:account:access"] });
  const expiresAt = new Date((options.nowMs ?? Date.now()) + options.expiresInMs);
  const record: Record<string, unknown> = {
    ...newTokenRecord({
      startUrl: START_URL,
      region: SSO_REGION,
      accessToken: issued.accessToken,
      expiresAt,
      clientId: issued.clientId,
      clientSecret: issued.clientSecret,
      registrationExpiresAt: issued.registrationExpiresAt,
      refreshToken: issued.refreshToken,
    }),
    ...options.extra,
  };
  if (options.registrationExpiresAt === null) delete record.registrationExpiresAt;
  else if (options.registrationExpiresAt) {
    record.registrationExpiresAt = formatTimestamp(options.registrationExpiresAt);
  }

  const filepath = sandbox.tokenPath(options.key ?? "my-sso");
  await writeTokenFile(filepath, record);
  return {
    filepath,
    accessToken: issued.accessToken,
    // Issued with a scope, so the emulator always gives a refresh token.
    refreshToken: issued.refreshToken!,
    clientId: issued.clientId,
    clientSecret: issued.clientSecret,
    expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
  };
}

/** The emulator and the sandbox of the test that is running; see {@link useEmulatorSandbox}. */
export interface EmulatorSandbox {
  readonly emulator: Emulator;
  readonly sandbox: Sandbox;
}

/**
 * Registers the hooks most provider tests share: one emulator for the file, and for each test
 * a fresh sandbox home holding `config` (default {@link sessionConfig}), this process pointed
 * at it, and the emulator's counters reset.
 */
export function useEmulatorSandbox(
  options: { config?: string; emulator?: EmulatorOptions } = {},
): EmulatorSandbox {
  let emulator: Emulator | undefined;
  let sandbox: Sandbox | undefined;

  beforeAll(async () => {
    emulator = await startEmulator(options.emulator);
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(async () => {
    sandbox = await createSandbox(options.config ?? sessionConfig(), emulator);
    useSandboxEnv(sandbox);
    emulator!.resetCounters();
  });
  afterEach(async () => {
    await sandbox?.cleanup();
  });

  return {
    get emulator() {
      return emulator!;
    },
    get sandbox() {
      return sandbox!;
    },
  };
}
