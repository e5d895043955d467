import { runCredentialProcess } from "../../credentials/index.js";
import type { CliIo } from "../CliIo.js";
import { EXIT_OK } from "../exitCodes.js";
import { parseCommandArgs } from "../parseCommandArgs.js";
import { stderrLogger } from "../stderrLogger.js";

/**
 * `sso-token-provider credential-process --profile P`: prints the JSON the `credential_process`
 * setting expects, from role credentials obtained with the session's locked, shared refresh.
 * Nothing reaches standard output unless it succeeds.
 *
 * @internal
 */
export async function runCredentialProcessCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("credential-process", args, {
    profile: { type: "string" },
  });

  await runCredentialProcess({
    profile: values.profile,
    env: io.env,
    stdout: io.stdout,
    logger: stderrLogger(io),
  });
  return EXIT_OK;
}
