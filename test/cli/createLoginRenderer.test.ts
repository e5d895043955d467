import { describe, expect, it } from "vitest";

import type { CliIo, OutputStream } from "../../src/cli/CliIo.js";
import { createLoginRenderer } from "../../src/cli/createLoginRenderer.js";
import { createStyle } from "../../src/cli/createStyle.js";

function capture(isTTY: boolean): OutputStream & { text: string } {
  const stream = { isTTY, text: "", write: (chunk: string) => (stream.text += chunk) };
  return stream;
}

function ioWith(stderr: OutputStream, env: NodeJS.ProcessEnv = {}): CliIo {
  return { stdout: capture(false), stderr, env };
}

const ESC = "\u001b[";

describe("createLoginRenderer", () => {
  it("shows a live countdown on a terminal and clears it when waiting ends", () => {
    const stderr = capture(true);
    const renderer = createLoginRenderer(ioWith(stderr), createStyle(stderr, {}), undefined);

    renderer.onEvent?.({ type: "waiting", deadline: new Date(Date.now() + 125_000) });
    renderer.onEvent?.({ type: "warning", message: "careful" });
    renderer.onEvent?.({ type: "waiting-ended" });
    renderer.dispose();

    expect(stderr.text).toMatch(/^\r\u001b\[2K.*Waiting for you to sign in\.\.\. 2:0[45] left/);
    // A message clears the countdown line, prints, and draws the countdown again.
    expect(stderr.text).toContain(`\r${ESC}2K${ESC}33mwarning: careful${ESC}39m\n`);
    expect(stderr.text.endsWith(`\r${ESC}2K`)).toBe(true);
  });

  it("prints plain lines without escapes where standard error is not a terminal", () => {
    const stderr = capture(false);
    const renderer = createLoginRenderer(ioWith(stderr), createStyle(stderr, {}), undefined);
    const deadline = new Date("2026-03-01T12:10:00.000Z");

    renderer.onEvent?.({
      type: "device-code",
      verificationUri: "https://device.sso.us-east-1.amazonaws.com/",
      verificationUriComplete: "https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
      userCode: "ABCD-EFGH",
      expiresAt: deadline,
    });
    renderer.onEvent?.({ type: "waiting", deadline });
    renderer.onEvent?.({ type: "waiting-ended" });

    expect(stderr.text).toBe(
      [
        "To sign in, open https://device.sso.us-east-1.amazonaws.com/ in a browser",
        "and confirm the code ABCD-EFGH.",
        "Or open this address, which has the code filled in:",
        "  https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH",
        "The code expires at 2026-03-01T12:10:00Z.",
        "Waiting for you to sign in, until 2026-03-01T12:10:00Z.",
        "",
      ].join("\n"),
    );
  });

  it("uses no colour on a terminal when NO_COLOR is set", () => {
    const stderr = capture(true);
    const style = createStyle(stderr, { NO_COLOR: "1" });
    const renderer = createLoginRenderer(ioWith(stderr, { NO_COLOR: "1" }), style, undefined);

    renderer.onEvent?.({ type: "warning", message: "careful" });

    expect(style.enabled).toBe(false);
    expect(stderr.text).toBe("warning: careful\n");
  });
});
