import { getHomeDir } from "../../config/index.js";
import { describeLoginTarget } from "../../errors/index.js";
import {
  logoutAllSessions,
  logoutSession,
  removeCliSsoCredentials,
  type LogoutResult,
} from "../../login/index.js";
import type { CliIo } from "../CliIo.js";
import { EXIT_FAILURE, EXIT_OK } from "../exitCodes.js";
import { parseCommandArgs } from "../parseCommandArgs.js";
import { selectSsoConfig } from "../selectSsoConfig.js";
import { UsageError } from "../UsageError.js";

/**
 * `sso-token-provider logout`: signs one session out (portal Logout, best effort, then the
 * token file removed under the lock), or with `--all` every cached SSO token, keeping the
 * client registrations.
 *
 * @internal
 */
export async function runLogoutCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("logout", args, {
    profile: { type: "string" },
    "sso-session": { type: "string" },
    all: { type: "boolean" },
  });
  const homeDir = getHomeDir(io.env);

  if (values.all) {
    if (values.profile !== undefined || values["sso-session"] !== undefined) {
      throw new UsageError(
        "--all signs out of every session; leave out --profile and --sso-session",
        "logout",
      );
    }
    const results = await logoutAllSessions({ homeDir });
    const credentials = await removeCliSsoCredentials(homeDir);
    for (const result of results) io.stderr.write(`${describeResult(result)}\n`);
    const failed = results.filter((result) => result.error !== undefined).length;
    const signedOut = results.filter((result) => result.removed).length;
    const removedCredentials =
      credentials.length > 0 ? ` and removed ${credentials.length} cached role credentials` : "";
    io.stderr.write(
      `Signed out of ${signedOut} cached SSO token${signedOut === 1 ? "" : "s"}` +
        `${removedCredentials}; client registrations were kept.\n`,
    );
    return failed > 0 ? EXIT_FAILURE : EXIT_OK;
  }

  const config = await selectSsoConfig("logout", values, io.env);
  const result = await logoutSession(config, { homeDir });
  const target = describeLoginTarget(config);
  if (result.error !== undefined) {
    io.stderr.write(`Cannot sign out of ${target}: ${result.error}.\n`);
    return EXIT_FAILURE;
  }
  if (!result.removed) {
    io.stderr.write(`${target} was not signed in (no token file at ${result.filepath}).\n`);
    return EXIT_OK;
  }
  io.stderr.write(`Signed out of ${target}: ${describeResult(result)}\n`);
  return EXIT_OK;
}

function describeResult(result: LogoutResult): string {
  if (result.error !== undefined) return `${result.filepath}: not signed out: ${result.error}.`;

  const portal =
    result.portal.status === "done"
      ? "the portal session was ended"
      : result.portal.status === "skipped"
        ? `the portal was not called (${result.portal.reason})`
        : `the portal's Logout failed (${result.portal.reason}), so the token may stay ` +
          "valid on the server until it expires";
  return `removed ${result.filepath}; ${portal}.`;
}
