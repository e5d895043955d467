import { createRequire } from "node:module";

import type { CliIo } from "./CliIo.js";
import { runCredentialProcessCommand } from "./commands/runCredentialProcessCommand.js";
import { runEmulatorCommand } from "./commands/runEmulatorCommand.js";
import { runLoginCommand } from "./commands/runLoginCommand.js";
import { runLogoutCommand } from "./commands/runLogoutCommand.js";
import { runStatusCommand } from "./commands/runStatusCommand.js";
import { runTokenCommand } from "./commands/runTokenCommand.js";
import { createStyle } from "./createStyle.js";
import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from "./exitCodes.js";
import { CREDENTIAL_PROCESS_HELP } from "./help/credentialProcessHelp.js";
import { EMULATOR_HELP } from "./help/emulatorHelp.js";
import { LOGIN_HELP } from "./help/loginHelp.js";
import { LOGOUT_HELP } from "./help/logoutHelp.js";
import { MAIN_HELP } from "./help/mainHelp.js";
import { STATUS_HELP } from "./help/statusHelp.js";
import { TOKEN_HELP } from "./help/tokenHelp.js";
import { UsageError } from "./UsageError.js";

interface Command {
  help: string;
  run(args: string[], io: CliIo): Promise<number>;
  /**
   * The command stops and cleans up by itself when `io.signal` aborts (a login releases its
   * lock, the emulator stops). Other commands are abandoned at once on Ctrl-C.
   */
  handlesInterrupt: boolean;
}

const COMMANDS: Record<string, Command> = {
  login: { help: LOGIN_HELP, run: runLoginCommand, handlesInterrupt: true },
  token: { help: TOKEN_HELP, run: runTokenCommand, handlesInterrupt: false },
  status: { help: STATUS_HELP, run: runStatusCommand, handlesInterrupt: false },
  logout: { help: LOGOUT_HELP, run: runLogoutCommand, handlesInterrupt: false },
  emulator: { help: EMULATOR_HELP, run: runEmulatorCommand, handlesInterrupt: true },
  "credential-process": {
    help: CREDENTIAL_PROCESS_HELP,
    run: runCredentialProcessCommand,
    handlesInterrupt: false,
  },
};

const HELP_FLAGS = new Set(["--help", "-h"]);

/**
 * Runs `sso-token-provider <command> [options]` and returns its exit code: 0 on success, 1
 * on failure (with a one-line reason on standard error), 2 on bad usage, 130 after Ctrl-C.
 * `--help` (or `-h`) anywhere prints the command's help on standard output.
 *
 * @internal
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;

  if (name === undefined) {
    io.stderr.write(MAIN_HELP);
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(name) || name === "help") {
    // `help token` shows the token command's help, as `token --help` does.
    const topic = name === "help" ? args[0] : undefined;
    if (topic === undefined) {
      io.stdout.write(MAIN_HELP);
      return EXIT_OK;
    }
    if (!Object.hasOwn(COMMANDS, topic)) return usage(io, unknownCommand(topic));
    io.stdout.write(COMMANDS[topic].help);
    return EXIT_OK;
  }
  if (name === "--version") {
    if (args.length > 0) return usage(io, new UsageError(`--version takes no arguments`));
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_OK;
  }

  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) return usage(io, unknownCommand(name));
  if (args.some((arg) => HELP_FLAGS.has(arg))) {
    io.stdout.write(command.help);
    return EXIT_OK;
  }

  try {
    const running = command.run(args, io);
    return await (command.handlesInterrupt ? running : untilInterrupted(running, io));
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error);
    return failure(io, error);
  }
}

/** The command's exit code, or 130 as soon as `io.signal` aborts. */
function untilInterrupted(running: Promise<number>, io: CliIo): Promise<number> {
  const signal = io.signal;
  if (!signal) return running;
  return new Promise<number>((resolve, reject) => {
    const onAbort = () => {
      io.stderr.write("Interrupted.\n");
      resolve(EXIT_INTERRUPTED);
    };
    if (signal.aborted) onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    running.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function unknownCommand(name: string): UsageError {
  const known = Object.keys(COMMANDS).join(", ");
  return new UsageError(`unknown command '${name}'; the commands are ${known}`);
}

function usage(io: CliIo, error: UsageError): number {
  const help = `sso-token-provider ${error.command ? `${error.command} ` : ""}--help`;
  io.stderr.write(`sso-token-provider: ${error.message}. See \`${help}\`.\n`);
  return EXIT_USAGE;
}

function failure(io: CliIo, error: unknown): number {
  const style = createStyle(io.stderr, io.env);
  const message = error instanceof Error ? error.message : String(error);
  // One line: the library's messages are single sentences, but a cause's may not be.
  io.stderr.write(`${style.red("error:")} ${message.replace(/\s*\n\s*/g, " ")}\n`);
  return io.signal?.aborted ? EXIT_INTERRUPTED : EXIT_FAILURE;
}

function readVersion(): string {
  // By the package's own name, so it holds wherever the bundler put this code.
  const require = createRequire(import.meta.url);
  return (require("sso-token-provider/package.json") as { version: string }).version;
}
