import { formatTimestamp, hideSecrets, writeTokenFile } from "../cache/index.js";
import type { ClientRegistration } from "./ClientRegistration.js";

/**
 * Caches a client registration as the AWS CLI does: `clientId`, `clientSecret`, `expiresAt`
 * (the CLI's `YYYY-MM-DDTHH:MM:SSZ`), then `scopes` and `grantTypes` when the registration
 * has them. Written like a token file: atomically, mode 0600, folder created 0700.
 *
 * @internal
 */
export async function writeRegistration(
  filepath: string,
  registration: ClientRegistration,
): Promise<void> {
  const record: Record<string, unknown> = {
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    expiresAt: formatTimestamp(registration.expiresAt),
  };
  if (registration.scopes !== undefined) record.scopes = [...registration.scopes];
  if (registration.grantTypes !== undefined) record.grantTypes = [...registration.grantTypes];

  await writeTokenFile(filepath, hideSecrets(record));
}
