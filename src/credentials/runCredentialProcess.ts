import type { Logger } from "@aws-sdk/types";

import { resolveProfileName } from "../config/index.js";
import type { FromSsoRoleCredentialsInit } from "./FromSsoRoleCredentialsInit.js";
import { formatCredentialProcessOutput } from "./formatCredentialProcessOutput.js";
import { fromSsoRoleCredentials } from "./fromSsoRoleCredentials.js";

/** Options of {@link runCredentialProcess}. @public */
export interface RunCredentialProcessInit
  extends Pick<
    FromSsoRoleCredentialsInit,
    "configFilepath" | "filepath" | "clientConfig" | "oidcClientConfig" | "now"
  > {
  /**
   * The SSO profile (`--profile`). Default: `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE` (as the
   * AWS CLI reads them), then `default`, all from `env`.
   */
  profile?: string;
  /** Where the JSON goes: standard output of the `credential-process` command. */
  stdout: { write(text: string): unknown };
  /** The environment that chooses the profile. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Receives the provider's warnings (never a secret). Default: `process.emitWarning`, which
   * prints on standard error; standard output carries only the JSON.
   */
  logger?: Logger;
}

/**
 * What `sso-token-provider credential-process --profile P` does: gets role credentials for
 * the SSO profile through {@link fromSsoRoleCredentials} (so the token refresh is locked and
 * shared with every other process) and writes the JSON a `credential_process` prints to
 * `stdout` (see {@link formatCredentialProcessOutput}). Any AWS tool can then use it through
 * a profile line `credential_process = sso-token-provider credential-process --profile P`.
 *
 * Only `env` chooses the profile; the files and the token cache are found as everywhere in
 * this package (`AWS_CONFIG_FILE`, `HOME`, ... of this process).
 *
 * @throws SsoTokenProviderError when there are no credentials; nothing is written then. The
 *   command line prints its message on standard error and exits non-zero.
 * @public
 */
export async function runCredentialProcess(init: RunCredentialProcessInit): Promise<void> {
  const profile = resolveProfileName({
    profile: init.profile,
    env: init.env ?? process.env,
    includeDefaultProfileEnv: true,
  });
  const provider = fromSsoRoleCredentials({
    profile: profile.name,
    configFilepath: init.configFilepath,
    filepath: init.filepath,
    clientConfig: init.clientConfig,
    oidcClientConfig: init.oidcClientConfig,
    now: init.now,
    logger: init.logger,
  });

  const credentials = await provider();
  init.stdout.write(formatCredentialProcessOutput(credentials));
}
