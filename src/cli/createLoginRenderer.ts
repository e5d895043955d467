import type { LoginEvent, LoginUi } from "../login/index.js";
import type { CliIo } from "./CliIo.js";
import type { Style } from "./createStyle.js";
import { formatCountdown, formatTimeLeft } from "./formatTimeLeft.js";

const COUNTDOWN_TICK_MS = 1000;
const CLEAR_LINE = "\r\u001b[2K";

/**
 * Renders a login's events on standard error: the address and code to use, then, while
 * waiting, a live countdown on a terminal or one plain line elsewhere. Warnings are marked.
 * `openBrowser` is passed through when a browser may be opened.
 *
 * @internal
 */
export function createLoginRenderer(
  io: CliIo,
  style: Style,
  openBrowser: ((url: string) => Promise<void>) | undefined,
): LoginUi & { onEvent(event: LoginEvent): void; dispose(): void } {
  const live = io.stderr.isTTY === true;
  let countdown: { timer: NodeJS.Timeout; deadline: Date } | undefined;

  const drawCountdown = () => {
    if (!countdown) return;
    const left = formatCountdown(countdown.deadline.getTime() - Date.now());
    const text = `Waiting for you to sign in... ${left} left (Ctrl-C to stop)`;
    io.stderr.write(`${CLEAR_LINE}${style.dim(text)}`);
  };
  const line = (text: string) => {
    if (countdown && live) io.stderr.write(CLEAR_LINE);
    io.stderr.write(`${text}\n`);
    if (live) drawCountdown();
  };
  const stopCountdown = () => {
    if (!countdown) return;
    clearInterval(countdown.timer);
    countdown = undefined;
    if (live) io.stderr.write(CLEAR_LINE);
  };

  const onEvent = (event: LoginEvent) => {
    switch (event.type) {
      case "waiting-for-other-login":
        line(
          `Another login of this session is in progress; waiting up to ` +
            `${formatTimeLeft(event.timeoutMs)} for it to finish (Ctrl-C to stop).`,
        );
        return;
      case "other-login-finished":
        line(`The other login finished; its token is valid until ${iso(event.expiresAt)}.`);
        return;
      case "registration":
        line(
          style.dim(
            event.reused
              ? `Using the cached client registration (valid until ${iso(event.expiresAt)}).`
              : `Registered a new client (valid until ${iso(event.expiresAt)}).`,
          ),
        );
        return;
      case "device-code":
        line(`To sign in, open ${style.bold(event.verificationUri)} in a browser`);
        line(`and confirm the code ${style.bold(event.userCode)}.`);
        if (event.verificationUriComplete) {
          line(`Or open this address, which has the code filled in:`);
          line(`  ${event.verificationUriComplete}`);
        }
        line(`The code expires at ${iso(event.expiresAt)}.`);
        return;
      case "authorize-url":
        line(
          openBrowser
            ? "Opening your browser to sign in. If it does not open, open this address:"
            : "To sign in, open this address in a browser on this machine:",
        );
        line(`  ${event.url}`);
        return;
      case "waiting":
        stopCountdown();
        if (live) {
          const timer = setInterval(drawCountdown, COUNTDOWN_TICK_MS);
          timer.unref();
          countdown = { timer, deadline: event.deadline };
          drawCountdown();
        } else {
          line(`Waiting for you to sign in, until ${iso(event.deadline)}.`);
        }
        return;
      case "waiting-ended":
        stopCountdown();
        return;
      case "slow-down":
        line(
          `The service asked to poll more slowly; now polling every ${event.intervalSeconds} s.`,
        );
        return;
      case "retrying":
        line(style.yellow(`Temporary failure (${event.reason}); trying again.`));
        return;
      case "warning":
        line(style.yellow(`warning: ${event.message}`));
        return;
    }
  };

  return {
    onEvent,
    ...(openBrowser ? { openBrowser } : {}),
    dispose: stopCountdown,
  };
}

function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
