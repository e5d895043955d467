import { formatTimestamp, getTokenFilepath, readTokenFile } from "../../cache/index.js";
import {
  getHomeDir,
  listSsoConfigs,
  resolveConfigFilepaths,
  type SsoConfig,
} from "../../config/index.js";
import { loginCommandLine } from "../../login/index.js";
import type { CliIo } from "../CliIo.js";
import { createStyle, type Style } from "../createStyle.js";
import { EXIT_OK } from "../exitCodes.js";
import { formatTimeLeft } from "../formatTimeLeft.js";
import { parseCommandArgs } from "../parseCommandArgs.js";

/** The state of one session's token, as `status --json` prints it. No secret is in it. */
interface SessionStatus {
  kind: "session" | "legacy";
  /** The sso-session name, or the legacy profile's name. */
  name: string;
  startUrl: string;
  region: string;
  tokenFile: string;
  token: {
    cached: boolean;
    /** The cache file's `expiresAt`, in its form. */
    expiresAt?: string;
    valid?: boolean;
    refreshable: boolean;
    /** Why it cannot be refreshed, when it cannot. */
    notRefreshableBecause?: string;
    registrationExpiresAt?: string;
    /** Why the token file could not be read. */
    problem?: string;
  };
  /** The command that signs in to it. */
  login: string;
}

/**
 * `sso-token-provider status`: every sso-session and legacy SSO profile of the config, with
 * the state of its cached token. Reads only; prints no secret.
 *
 * @internal
 */
export async function runStatusCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("status", args, { json: { type: "boolean" } });
  const { configFilepath } = resolveConfigFilepaths({ env: io.env });

  const problems: string[] = [];
  const configs = await listSsoConfigs({
    env: io.env,
    onProblem: (problem) => problems.push(problem.message),
  });
  const homeDir = getHomeDir(io.env);
  const now = Date.now();
  const sessions = await Promise.all(configs.map((config) => describe(config, homeDir, now)));

  if (values.json) {
    const report = { configFile: configFilepath, sessions, problems };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return EXIT_OK;
  }

  const style = createStyle(io.stdout, io.env);
  if (sessions.length === 0) {
    io.stdout.write(
      `No [sso-session] sections or legacy SSO profiles in ${configFilepath}. Add an ` +
        `[sso-session NAME] section with sso_start_url and sso_region (or run ` +
        `\`aws configure sso\`), then \`sso-token-provider login --sso-session NAME\`.\n`,
    );
  }
  for (const session of sessions) io.stdout.write(render(session, style, now));
  for (const problem of problems) io.stderr.write(`warning: left out: ${problem}\n`);
  return EXIT_OK;
}

async function describe(config: SsoConfig, homeDir: string, now: number): Promise<SessionStatus> {
  const legacy = config.kind === "legacy";
  const key = legacy ? config.startUrl : config.sessionName!;
  const tokenFile = getTokenFilepath(key, homeDir);
  const status: SessionStatus = {
    kind: config.kind,
    name: (legacy ? config.profileName : config.sessionName) ?? "default",
    startUrl: config.startUrl,
    region: config.region,
    tokenFile,
    token: { cached: false, refreshable: false },
    login: loginCommandLine(config),
  };

  let file;
  try {
    file = await readTokenFile(tokenFile);
  } catch (error) {
    status.token.problem = error instanceof Error ? error.message : String(error);
    status.token.notRefreshableBecause = "the token file cannot be read";
    return status;
  }
  if (!file) {
    status.token.notRefreshableBecause = "no token is cached";
    return status;
  }

  const registrationExpiresAt = file.registrationExpiresAt;
  const missing = [
    file.refreshToken === undefined ? "refresh token" : undefined,
    file.clientId === undefined ? "client id" : undefined,
    file.clientSecret === undefined ? "client secret" : undefined,
  ].filter((item) => item !== undefined);
  let notRefreshable: string | undefined;
  if (legacy) notRefreshable = "tokens of a legacy profile are never refreshed";
  else if (missing.length > 0) notRefreshable = `the token file has no ${missing.join(", ")}`;
  else if (registrationExpiresAt && registrationExpiresAt.getTime() <= now) {
    notRefreshable = "its client registration has expired";
  }

  status.token = {
    cached: true,
    expiresAt: formatTimestamp(file.expiresAt),
    valid: file.expiresAt.getTime() > now,
    refreshable: notRefreshable === undefined,
    ...(notRefreshable ? { notRefreshableBecause: notRefreshable } : {}),
    ...(registrationExpiresAt
      ? { registrationExpiresAt: formatTimestamp(registrationExpiresAt) }
      : {}),
  };
  return status;
}

function render(session: SessionStatus, style: Style, now: number): string {
  const title = session.kind === "session"
    ? `sso-session ${session.name}`
    : `profile ${session.name} (legacy SSO profile)`;
  const { token } = session;
  const rows: [string, string][] = [
    ["start URL", session.startUrl],
    ["region", session.region],
  ];

  if (token.problem) {
    rows.push(["token", style.red(`unreadable: ${token.problem}`)]);
  } else if (!token.cached) {
    rows.push(["token", `none; sign in with \`${session.login}\``]);
  } else {
    const expiresMs = Date.parse(token.expiresAt!) - now;
    rows.push([
      "token",
      token.valid
        ? style.green(`valid until ${token.expiresAt} (${formatTimeLeft(expiresMs)} left)`)
        : style.yellow(`expired at ${token.expiresAt}`),
    ]);
    const registration = token.registrationExpiresAt
      ? `client registration valid until ${token.registrationExpiresAt}`
      : "client registration expiry unknown";
    rows.push([
      "refresh",
      token.refreshable
        ? `possible; ${registration}`
        : `not possible: ${token.notRefreshableBecause}; sign in again with \`${session.login}\``,
    ]);
  }
  rows.push(["token file", session.tokenFile]);

  const lines = rows.map(([label, value]) => `  ${label.padEnd(12)} ${value}`);
  return `${style.bold(title)}\n${lines.join("\n")}\n\n`;
}
