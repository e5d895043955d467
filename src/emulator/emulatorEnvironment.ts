import { invalid } from "./resolveEmulatorOptions.js";

/**
 * The environment variables that point the AWS SDKs and the AWS CLI at an emulator: the
 * service-specific endpoint overrides of SSO OIDC, the SSO portal, CodeCatalyst and STS,
 * all set to `url` (one emulator answers for all four).
 *
 * @example
 * ```ts
 * Object.assign(process.env, emulatorEnvironment(emulator.url));
 * ```
 * @public
 */
export function emulatorEnvironment(url: string): Record<string, string> {
  const base = checkedUrl(url);
  return {
    AWS_ENDPOINT_URL_SSO_OIDC: base,
    AWS_ENDPOINT_URL_SSO: base,
    AWS_ENDPOINT_URL_CODECATALYST: base,
    AWS_ENDPOINT_URL_STS: base,
  };
}

/** The shells {@link emulatorEnvironmentLines} can write for. @public */
export type EnvironmentShell = "sh" | "powershell" | "cmd";

/**
 * The lines a person pastes into a shell to set {@link emulatorEnvironment}, e.g.
 * `export AWS_ENDPOINT_URL_SSO_OIDC=http://127.0.0.1:4545` for `sh` (the default),
 * `$env:NAME = "value"` for PowerShell, `set NAME=value` for cmd.
 *
 * @public
 */
export function emulatorEnvironmentLines(url: string, shell: EnvironmentShell = "sh"): string[] {
  return Object.entries(emulatorEnvironment(url)).map(([name, value]) => {
    if (shell === "powershell") return `$env:${name} = "${value}"`;
    if (shell === "cmd") return `set ${name}=${value}`;
    return `export ${name}=${value}`;
  });
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid("url", "an http:// or https:// URL such as emulator.url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw invalid("url", "an http:// or https:// URL such as emulator.url");
  }
  // SDKs join operation paths onto the endpoint; a trailing slash would double it.
  return url.replace(/\/+$/, "");
}
