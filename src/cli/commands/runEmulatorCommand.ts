import { emulatorEnvironmentLines, startEmulator } from "../../emulator/index.js";
import type { EmulatorOptions, EmulatorRequestEvent } from "../../emulator/index.js";
import type { CliIo } from "../CliIo.js";
import { EXIT_OK } from "../exitCodes.js";
import { parseCommandArgs, parseWholeNumber } from "../parseCommandArgs.js";

const MAX_SECONDS = 10 * 365 * 24 * 60 * 60;

/**
 * `sso-token-provider emulator`: runs the SSO OIDC emulator in the foreground until Ctrl-C
 * (or SIGTERM). Its address and environment lines go to standard output, one line per
 * request it serves to standard error.
 *
 * @internal
 */
export async function runEmulatorCommand(args: string[], io: CliIo): Promise<number> {
  const values = parseCommandArgs("emulator", args, {
    port: { type: "string" },
    "auto-approve": { type: "boolean" },
    "access-token-lifetime-seconds": { type: "string" },
    "registration-lifetime-seconds": { type: "string" },
    "device-code-lifetime-seconds": { type: "string" },
    "device-code-interval-seconds": { type: "string" },
    "latency-ms": { type: "string" },
  });
  const number = (name: keyof typeof values, min: number, max: number) =>
    parseWholeNumber("emulator", name, values[name] as string | undefined, { min, max });

  const options: EmulatorOptions = {
    port: number("port", 0, 65535) ?? 0,
    autoApprove: values["auto-approve"] === true,
    accessTokenLifetimeSeconds: number("access-token-lifetime-seconds", 1, MAX_SECONDS),
    registrationLifetimeSeconds: number("registration-lifetime-seconds", 1, MAX_SECONDS),
    deviceCodeLifetimeSeconds: number("device-code-lifetime-seconds", 1, MAX_SECONDS),
    deviceCodeIntervalSeconds: number("device-code-interval-seconds", 0, 3600),
    latencyMs: number("latency-ms", 0, 60_000),
    onRequest: (event) => io.stderr.write(`${describeRequest(event)}\n`),
  };
  const emulator = await startEmulator(options);

  io.stdout.write(
    [
      `SSO OIDC emulator listening on ${emulator.url}`,
      "Point the AWS SDKs, the AWS CLI and sso-token-provider at it with:",
      ...emulatorEnvironmentLines(emulator.url),
      options.autoApprove
        ? "Every sign-in is approved at once (--auto-approve)."
        : "Approve or deny each sign-in on the page the login opens in your browser.",
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  await emulator.stop();
  io.stderr.write("Emulator stopped.\n");
  return EXIT_OK;
}

function describeRequest(event: EmulatorRequestEvent): string {
  const grant = event.grantType ? ` (${event.grantType.replace(/^urn:.*:/, "")})` : "";
  const error = event.error ? ` ${event.error}` : "";
  const fault = event.fault ? ` [fault ${event.fault}]` : "";
  const request = `${event.method} ${event.path} ${event.operation}${grant}`;
  return `${request} -> ${event.status}${error}${fault}`;
}
