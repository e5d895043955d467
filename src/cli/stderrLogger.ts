import type { Logger } from "@aws-sdk/types";

import type { CliIo } from "./CliIo.js";

/**
 * The library's warnings as plain lines on standard error; debug lines are dropped. Standard
 * output stays for what a command prints for scripts.
 *
 * @internal
 */
export function stderrLogger(io: CliIo): Logger {
  const write = (content: unknown[]) => {
    io.stderr.write(`warning: ${content.map(String).join(" ")}\n`);
  };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...content: unknown[]) => write(content),
    error: (...content: unknown[]) => write(content),
  };
}
