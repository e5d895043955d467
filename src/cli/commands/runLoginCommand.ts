import { describeLoginTarget } from "../../errors/index.js";
import { loginSession } from "../../login/index.js";
import type { CliIo } from "../CliIo.js";
import { createLoginRenderer } from "../createLoginRenderer.js";
import { createStyle } from "../createStyle.js";
import { EXIT_OK } from "../exitCodes.js";
import { formatTimeLeft } from "../formatTimeLeft.js";
import { isTruthyEnv } from "../isTruthyEnv.js";
import { openInBrowser } from "../openInBrowser.js";
import { parseCommandArgs, parseWholeNumber } from "../parseCommandArgs.js";
import { selectSsoConfig } from "../selectSsoConfig.js";

const DEFAULT_TIMEOUT_SECONDS = 600;
const MAX_TIMEOUT_SECONDS = 24 * 60 * 60;

/**
 * `sso-token-provider login`: signs in anew and caches the token as the AWS CLI does.
 *
 * @internal
 */
export async function runLoginCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("login", args, {
    profile: { type: "string" },
    "sso-session": { type: "string" },
    "use-device-code": { type: "boolean" },
    "no-browser": { type: "boolean" },
    "timeout-seconds": { type: "string" },
  });
  const timeoutSeconds =
    parseWholeNumber("login", "timeout-seconds", values["timeout-seconds"], {
      min: 1,
      max: MAX_TIMEOUT_SECONDS,
    }) ?? DEFAULT_TIMEOUT_SECONDS;

  const config = await selectSsoConfig("login", values, io.env);
  const style = createStyle(io.stderr, io.env);
  const browser = !values["no-browser"] && !isTruthyEnv(io.env.SSO_TOKEN_PROVIDER_NO_BROWSER);
  const openBrowser = (url: string) =>
    openInBrowser(url, (reason) => {
      const message = `Could not open a browser (${reason}); open the address above yourself.`;
      renderer.onEvent({ type: "warning", message });
    });
  const renderer = createLoginRenderer(io, style, browser ? openBrowser : undefined);

  io.stderr.write(`Signing in to ${describeLoginTarget(config)} at ${config.startUrl}.\n`);
  let result;
  try {
    result = await loginSession({
      config,
      useDeviceCode: values["use-device-code"] === true,
      ui: renderer,
      timeoutMs: timeoutSeconds * 1000,
      signal: io.signal,
    });
  } finally {
    renderer.dispose();
  }

  const left = formatTimeLeft(result.expiresAt.getTime() - Date.now());
  const refresh = result.refreshable
    ? "it is refreshed automatically until the session ends"
    : "it cannot be refreshed";
  io.stderr.write(
    `${style.green("Signed in")} to ${describeLoginTarget(config)}. The token is valid for ` +
      `${left} (until ${result.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z")}); ${refresh}.\n` +
      `${style.dim(`Cached in ${result.filepath}`)}\n`,
  );
  return EXIT_OK;
}
