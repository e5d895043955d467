// Shared set-up for the emulator tests: official SDK clients pointed at an emulator, and a
// clock the tests move by hand.
import { CodeCatalystClient } from "@aws-sdk/client-codecatalyst";
import { SSOClient } from "@aws-sdk/client-sso";
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";
import { STSClient } from "@aws-sdk/client-sts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The device-code grant type. */
export const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** A clock for the emulator's `now` option, moved only by `advance`. */
export class ManualClock {
  ms = Date.UTC(2030, 0, 1);
  readonly now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

// One attempt only: SDK retries would take extra faults and slow the tests down.
const common = { region: "us-east-1", maxAttempts: 1 } as const;

export function oidcClient(url: string): SSOOIDCClient {
  return new SSOOIDCClient({ ...common, endpoint: url });
}

export function portalClient(url: string): SSOClient {
  return new SSOClient({ ...common, endpoint: url });
}

export function codeCatalystClient(url: string, token: string): CodeCatalystClient {
  return new CodeCatalystClient({ ...common, endpoint: url, token: { token } });
}

export function stsClient(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
): STSClient {
  return new STSClient({ ...common, endpoint: url, credentials });
}

/** Registers a device-flow client, as the AWS CLI does. */
export async function registerDeviceClient(client: SSOOIDCClient, scopes?: string[]) {
  return client.send(
    new RegisterClientCommand({
      clientName: "test-client",
      clientType: "public",
      ...(scopes === undefined ? {} : { scopes }),
    }),
  );
}

/** Registers a client and starts a device authorization. */
export async function startDevice(
  client: SSOOIDCClient,
  scopes: string[] = ["sso:account:access"],
) {
  const registration = await registerDeviceClient(client, scopes);
  const clientId = registration.clientId as string;
  const clientSecret = registration.clientSecret as string;
  const device = await client.send(
    new StartDeviceAuthorizationCommand({
      clientId,
      clientSecret,
      startUrl: "https://d-1234567890.awsapps.com/start",
    }),
  );
  return { clientId, clientSecret, device, registration };
}

/** Polls once with a device code. */
export function pollDevice(
  client: SSOOIDCClient,
  ids: { clientId: string; clientSecret: string },
  deviceCode: string,
) {
  return client.send(new CreateTokenCommand({ ...ids, grantType: DEVICE_GRANT, deviceCode }));
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

/** Waits (in short real steps, at most 5 s) until `condition` holds. */
export async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
