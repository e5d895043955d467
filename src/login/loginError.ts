import type { SsoConfig } from "../config/index.js";
import { describeLoginTarget, SsoTokenProviderError, type ErrorCode } from "../errors/index.js";

/**
 * The error of a failed login: `Login for <session> failed: <text>`, where `text` says what
 * happened and what to do about it. Code `LOGIN_FAILED` unless another fits better.
 *
 * @internal
 */
export function loginError(
  config: SsoConfig,
  text: string,
  options: { code?: ErrorCode; cause?: unknown } = {},
): SsoTokenProviderError {
  return new SsoTokenProviderError(`Login for ${describeLoginTarget(config)} failed: ${text}`, {
    code: options.code ?? "LOGIN_FAILED",
    cause: options.cause,
  });
}

/**
 * The command that starts a login of this session again, for messages:
 * `sso-token-provider login --sso-session NAME` (or `--profile P` for a legacy profile).
 *
 * @internal
 */
export function loginCommandLine(config: SsoConfig, extra = ""): string {
  const selector =
    config.kind === "session" && config.sessionName !== undefined
      ? `--sso-session ${quote(config.sessionName)}`
      : `--profile ${quote(config.profileName ?? "default")}`;
  return `sso-token-provider login ${selector}${extra}`;
}

function quote(value: string): string {
  return /^[\w@+.%:/=-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}

/**
 * {@link loginCommandLine} for the device flow (the flag only matters for an sso-session).
 *
 * @internal
 */
export function deviceLoginCommand(config: SsoConfig): string {
  return loginCommandLine(config, config.kind === "session" ? " --use-device-code" : "");
}
