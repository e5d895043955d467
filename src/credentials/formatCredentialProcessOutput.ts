import type { AwsCredentialIdentity } from "@aws-sdk/types";

/**
 * The JSON a `credential_process` prints, as the AWS CLI and SDKs read it: `Version` 1,
 * `AccessKeyId`, `SecretAccessKey`, `SessionToken`, `Expiration` (ISO 8601) and, when known,
 * `AccountId` (read by newer SDKs). One line, ending in a newline.
 *
 * @public
 */
export function formatCredentialProcessOutput(credentials: AwsCredentialIdentity): string {
  const body = {
    Version: 1,
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken !== undefined && { SessionToken: credentials.sessionToken }),
    ...(credentials.expiration !== undefined && {
      Expiration: credentials.expiration.toISOString(),
    }),
    ...(credentials.accountId !== undefined && { AccountId: credentials.accountId }),
  };
  return `${JSON.stringify(body)}\n`;
}
