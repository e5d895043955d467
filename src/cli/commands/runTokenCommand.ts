import { formatTimestamp } from "../../cache/index.js";
import { resolveProfileName } from "../../config/index.js";
import { fromSsoSession } from "../../provider/index.js";
import type { CliIo } from "../CliIo.js";
import { EXIT_OK } from "../exitCodes.js";
import { parseCommandArgs } from "../parseCommandArgs.js";
import { stderrLogger } from "../stderrLogger.js";
import { UsageError } from "../UsageError.js";

/**
 * `sso-token-provider token`: prints a valid access token (or, with `--json`, `accessToken`
 * and `expiresAt` as the cache file names and writes them) on standard output. It refreshes
 * through the provider, under the session's lock, and never starts a login.
 *
 * @internal
 */
export async function runTokenCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("token", args, {
    profile: { type: "string" },
    "sso-session": { type: "string" },
    json: { type: "boolean" },
  });
  if (values.profile !== undefined && values["sso-session"] !== undefined) {
    throw new UsageError("give --profile or --sso-session, not both", "token");
  }

  const profile = resolveProfileName({
    profile: values.profile,
    env: io.env,
    includeDefaultProfileEnv: true,
  });
  const provider = fromSsoSession({
    ...(values["sso-session"] !== undefined
      ? { ssoSession: values["sso-session"] }
      : { profile: profile.name }),
    logger: stderrLogger(io),
  });

  const identity = await provider({});
  const expiration = identity.expiration!;
  if (values.json) {
    const body = { accessToken: identity.token, expiresAt: formatTimestamp(expiration) };
    io.stdout.write(`${JSON.stringify(body)}\n`);
  } else {
    io.stdout.write(`${identity.token}\n`);
  }
  return EXIT_OK;
}
