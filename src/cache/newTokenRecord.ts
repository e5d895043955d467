import { formatTimestamp } from "./formatTimestamp.js";
import { hideSecrets } from "./hideSecrets.js";

/** What a fresh login knows. */
export interface NewTokenRecordInput {
  /** The start URL as configured (not a resolved vanity URL), like the AWS CLI. */
  startUrl: string;
  /** The sso_region. */
  region: string;
  accessToken: string;
  expiresAt: Date;
  clientId: string;
  clientSecret: string;
  registrationExpiresAt: Date;
  /** Left out of the record when the service sent none. */
  refreshToken?: string;
}

/**
 * The token record of a fresh login, keys in the order the AWS CLI writes them: `startUrl`,
 * `region`, `accessToken`, `expiresAt`, `clientId`, `clientSecret`, `registrationExpiresAt`,
 * `refreshToken`; timestamps in the CLI's form ({@link formatTimestamp}).
 *
 * @returns a new record; logging it shows the safe fields only ({@link hideSecrets}).
 * @public
 */
export function newTokenRecord(input: NewTokenRecordInput): Record<string, unknown> {
  const record: Record<string, unknown> = {
    startUrl: input.startUrl,
    region: input.region,
    accessToken: input.accessToken,
    expiresAt: formatTimestamp(input.expiresAt),
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    registrationExpiresAt: formatTimestamp(input.registrationExpiresAt),
  };
  if (input.refreshToken !== undefined && input.refreshToken !== "") {
    record.refreshToken = input.refreshToken;
  }

  return hideSecrets(record);
}
