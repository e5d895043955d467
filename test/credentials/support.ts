// Shared set-up for the role-credential tests: configs with SSO profiles on one session, an
// environment that is put back after each test, and a real STS client to try credentials.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";

import { SSO_REGION, START_URL } from "../helpers/sandbox.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

export const ACCOUNT_A = "111122223333";
export const ACCOUNT_B = "444455556666";

/** The accounts of the emulated portal: ReadOnly in A, Deploy in B. */
export const ACCOUNTS = [
  { accountId: ACCOUNT_A, roles: ["ReadOnly"] },
  { accountId: ACCOUNT_B, roles: ["Deploy"] },
];

/**
 * Session `my-sso` with profiles `dev` (account A, ReadOnly) and `ops` (account B, Deploy),
 * then any `extra` lines.
 */
export function rolesConfig(...extra: string[]): string {
  return [
    "[profile dev]",
    "sso_session = my-sso",
    `sso_account_id = ${ACCOUNT_A}`,
    "sso_role_name = ReadOnly",
    "",
    "[profile ops]",
    "sso_session = my-sso",
    `sso_account_id = ${ACCOUNT_B}`,
    "sso_role_name = Deploy",
    "",
    "[sso-session my-sso]",
    `sso_start_url = ${START_URL}`,
    `sso_region = ${SSO_REGION}`,
    "sso_registration_scopes = sso:account:access",
    "",
    ...extra,
    "",
  ].join("\n");
}

const SAVED = [
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_ENDPOINT_URL_SSO",
  "AWS_ENDPOINT_URL_SSO_OIDC",
  "AWS_ENDPOINT_URL_STS",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
];

/** Points the SSO, SSO OIDC and STS clients at `url` and turns instance metadata off. */
export function useEmulatorEnv(url: string): () => void {
  const before = Object.fromEntries(SAVED.map((name) => [name, process.env[name]]));
  for (const name of SAVED) delete process.env[name];
  process.env.AWS_ENDPOINT_URL_SSO = url;
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = url;
  process.env.AWS_ENDPOINT_URL_STS = url;
  process.env.AWS_EC2_METADATA_DISABLED = "true";

  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

/** Calls STS GetCallerIdentity with a real client whose credentials are `credentials`. */
export async function callerIdentity(
  credentials: AwsCredentialIdentityProvider | AwsCredentialIdentity,
  profile?: string,
) {
  const client = new STSClient({
    region: "us-east-1",
    maxAttempts: 1,
    credentials,
    ...(profile === undefined ? {} : { profile }),
  });
  try {
    return await client.send(new GetCallerIdentityCommand({}));
  } finally {
    client.destroy();
  }
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
