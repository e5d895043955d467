import type { OutputStream } from "./CliIo.js";

/** Colour helpers that do nothing where colour is off. @internal */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const codes = { bold: [1, 22], dim: [2, 22], red: [31, 39], yellow: [33, 39], green: [32, 39] };

/**
 * Colours only on a terminal, and never when `NO_COLOR` is set to anything non-empty
 * (https://no-color.org) or `TERM` is `dumb`.
 *
 * @internal
 */
export function createStyle(stream: OutputStream, env: NodeJS.ProcessEnv): Style {
  const enabled = stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
  const paint = (name: keyof typeof codes) => (text: string) => {
    const [open, close] = codes[name];
    return enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  };
  return {
    enabled,
    bold: paint("bold"),
    dim: paint("dim"),
    red: paint("red"),
    yellow: paint("yellow"),
    green: paint("green"),
  };
}
