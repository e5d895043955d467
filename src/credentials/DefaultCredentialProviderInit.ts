import type { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import type { Logger } from "@aws-sdk/types";

import type { FromSsoRoleCredentialsInit } from "./FromSsoRoleCredentialsInit.js";

/**
 * Options the SDK's default chain (`fromNodeProviderChain`) passes to each of its providers:
 * `clientConfig` for STS, `roleAssumer`, `mfaCodeProvider`, `timeout`, `maxRetries`, ...
 *
 * @public
 */
export type SdkProviderInit = NonNullable<Parameters<typeof fromNodeProviderChain>[0]>;

/**
 * Options of {@link defaultCredentialProvider}. `profile`, the file paths and `logger` apply
 * to every provider of the chain; `sso` and `sdk` to ours and to the SDK's respectively.
 *
 * @public
 */
export interface DefaultCredentialProviderInit {
  /**
   * The profile. Default: the profile the SDK client passes with each call, then
   * `AWS_PROFILE`, then `default` (as the SDK's chain decides).
   */
  profile?: string;
  /** The shared config file. Default: `AWS_CONFIG_FILE`, then `~/.aws/config`. */
  configFilepath?: string;
  /**
   * The shared credentials file. Default: `AWS_SHARED_CREDENTIALS_FILE`, then
   * `~/.aws/credentials`.
   */
  filepath?: string;
  /** Receives every provider's debug lines and warnings. Default: none. */
  logger?: Logger;
  /**
   * Options of the provider that serves SSO profiles ({@link fromSsoRoleCredentials}):
   * `clientConfig` for the SSO portal, `oidcClientConfig`, `refreshWindowMs`, `now`, lock
   * timeouts. Default: none.
   */
  sso?: Omit<
    FromSsoRoleCredentialsInit,
    "profile" | "configFilepath" | "filepath" | "logger" | "ssoProfilesOnly"
  >;
  /** Options passed to each of the SDK's providers. Default: none. */
  sdk?: SdkProviderInit;
}
