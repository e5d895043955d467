import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { chain, CredentialsProviderError } from "@smithy/property-provider";

import { memoizeByCaller } from "../chains/index.js";
import { SsoTokenProviderError } from "../errors/index.js";
import type {
  DefaultCredentialProviderInit,
  SdkProviderInit,
} from "./DefaultCredentialProviderInit.js";
import { fromSsoRoleCredentials } from "./fromSsoRoleCredentials.js";

type Link = (properties: Record<string, unknown>) => Promise<AwsCredentialIdentity>;
type SdkProviders = typeof import("@aws-sdk/credential-providers");

const ENV_PROFILE = "AWS_PROFILE";
const ENV_ACCESS_KEY = "AWS_ACCESS_KEY_ID";
const ENV_SECRET_KEY = "AWS_SECRET_ACCESS_KEY";
const ENV_CONTAINER_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
const ENV_CONTAINER_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
const ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED";

/**
 * The AWS SDK's default credential chain, rebuilt from the public providers of
 * `@aws-sdk/credential-providers` in the order of `@aws-sdk/credential-provider-node`, with
 * SSO profiles served by {@link fromSsoRoleCredentials} (so their token refresh is locked and
 * shared) and everything else by the SDK:
 * 1. `fromEnv`: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, skipped when a profile is named in
 *    the options or in `AWS_PROFILE` (as the SDK skips it);
 * 2. `fromSsoRoleCredentials` with `ssoProfilesOnly`: a profile with SSO settings that the SDK
 *    would resolve through SSO (where the SDK's chain has `fromSSO`);
 * 3. `fromIni`: every other profile (static keys, assumed roles, web identity, process);
 * 4. `fromProcess`; 5. `fromTokenFile` (`AWS_WEB_IDENTITY_TOKEN_FILE`);
 * 6. `fromHttp` then `fromContainerMetadata` when `AWS_CONTAINER_CREDENTIALS_*_URI` is set,
 *    else `fromInstanceMetadata` unless `AWS_EC2_METADATA_DISABLED` is set (and not "false").
 *
 * The SDK's `defaultProvider` is a closed chain and cannot be patched, hence this rebuild. The
 * result is memoized as the SDK memoizes credentials (reused until 5 minutes before
 * `expiration`), one memo per calling client profile; unlike the SDK's chain it waits for new
 * credentials in those 5 minutes instead of refreshing in the background.
 *
 * What still takes the SDK's own SSO path: a profile that assumes a role (`role_arn`) with an
 * SSO profile as its `source_profile`. `fromIni` resolves the source profile itself, through
 * the SDK's `fromSSO`, whose token refresh takes no lock. Give such a role its source
 * credentials from this package instead, e.g. with `fromTemporaryCredentials({
 * masterCredentials: fromSsoRoleCredentials({ profile: "sso-source" }), params: { RoleArn } })`.
 *
 * @public
 */
export function defaultCredentialProvider(
  init: DefaultCredentialProviderInit = {},
): AwsCredentialIdentityProvider {
  const shared = definedOnly({
    profile: init.profile,
    configFilepath: init.configFilepath,
    filepath: init.filepath,
    logger: init.logger,
  });
  const sdkInit: SdkProviderInit = { ...init.sdk, ...shared };
  const sso = fromSsoRoleCredentials({ ...init.sso, ...shared, ssoProfilesOnly: true });

  let loaded: Promise<SdkProviders> | undefined;
  // The SDK's providers load on first use, so importing this package stays light.
  const sdk = () => (loaded ??= import("@aws-sdk/credential-providers"));

  const links: [string, Link][] = [
    ["environment", async () => fromEnvUnlessProfile(init, await sdk(), sdkInit)],
    ["SSO profile", (properties) => sso(properties)],
    ["shared files", async (properties) => (await sdk()).fromIni(sdkInit)(properties)],
    ["credential_process", async (properties) => (await sdk()).fromProcess(sdkInit)(properties)],
    ["web identity", async (properties) => (await sdk()).fromTokenFile(sdkInit)(properties)],
    ["container or instance metadata", async () => remoteCredentials(await sdk(), sdkInit)],
  ];

  return memoizeByCaller((properties = {}) => firstOf(links, properties), init.sso?.now);
}

async function fromEnvUnlessProfile(
  init: DefaultCredentialProviderInit,
  sdk: SdkProviders,
  sdkInit: SdkProviderInit,
): Promise<AwsCredentialIdentity> {
  const profile = init.profile ?? process.env[ENV_PROFILE];
  if (profile) {
    if (process.env[ENV_ACCESS_KEY] && process.env[ENV_SECRET_KEY]) {
      init.logger?.warn?.(
        `sso-token-provider: both ${ENV_PROFILE} (or the profile option) and ` +
          `${ENV_ACCESS_KEY}/${ENV_SECRET_KEY} are set; the profile is used, as by the SDK.`,
      );
    }
    throw new CredentialsProviderError(`A profile is named, so ${ENV_ACCESS_KEY} is skipped.`, {
      tryNextLink: true,
    });
  }
  return await sdk.fromEnv(sdkInit)();
}

async function remoteCredentials(
  sdk: SdkProviders,
  sdkInit: SdkProviderInit,
): Promise<AwsCredentialIdentity> {
  if (process.env[ENV_CONTAINER_RELATIVE_URI] || process.env[ENV_CONTAINER_FULL_URI]) {
    return await chain(sdk.fromHttp(sdkInit), sdk.fromContainerMetadata(sdkInit))();
  }
  const disabled = process.env[ENV_IMDS_DISABLED];
  if (disabled && disabled !== "false") {
    throw new CredentialsProviderError(`Instance metadata is off (${ENV_IMDS_DISABLED}).`, {
      tryNextLink: true,
    });
  }
  return await sdk.fromInstanceMetadata(sdkInit)();
}

/**
 * The first link that gives credentials. A link that fails with `tryNextLink` is skipped;
 * any other failure ends the chain. When every link is skipped, the error lists why.
 */
async function firstOf(
  links: [string, Link][],
  properties: Record<string, unknown>,
): Promise<AwsCredentialIdentity> {
  const skipped: string[] = [];
  for (const [name, link] of links) {
    try {
      return await link(properties);
    } catch (error) {
      if ((error as { tryNextLink?: unknown })?.tryNextLink !== true) throw error;
      skipped.push(`- ${name}: ${firstLine(error)}`);
    }
  }
  throw new SsoTokenProviderError(
    ["Could not load credentials from any provider of the default chain:", ...skipped].join("\n"),
    { code: "CREDENTIALS_FAILED" },
  );
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n", 1)[0] ?? "";
}

function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
