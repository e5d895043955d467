import type { Logger } from "@aws-sdk/types";

/** A logger that keeps every line, so tests can assert on warnings and look for secrets. */
export interface CapturedLogger extends Logger {
  lines: { level: string; text: string }[];
  warnings(): string[];
  all(): string;
}

export function captureLogger(): CapturedLogger {
  const lines: { level: string; text: string }[] = [];
  const keep =
    (level: string) =>
    (...content: unknown[]) => {
      lines.push({ level, text: content.map(String).join(" ") });
    };
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
    warnings: () => lines.filter((line) => line.level === "warn").map((line) => line.text),
    all: () => lines.map((line) => line.text).join("\n"),
  };
}
