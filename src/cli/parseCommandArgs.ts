import { parseArgs, type ParseArgsConfig } from "node:util";

import { UsageError } from "./UsageError.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly with `node:util`'s `parseArgs` (no positionals),
 * turning its errors into a {@link UsageError} that names the command.
 *
 * @internal
 */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true }>>["values"] {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split("\n")[0]!.replace(/\.$/, ""), command);
  }
}

/**
 * Reads a whole, non-negative number of seconds (or other unit) from an option's text.
 *
 * @internal
 */
export function parseWholeNumber(
  command: string,
  option: string,
  value: string | undefined,
  limits: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < limits.min || number > limits.max) {
    throw new UsageError(
      `--${option} must be a whole number from ${limits.min} to ${limits.max}, not '${value}'`,
      command,
    );
  }
  return number;
}
