import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from "@aws-sdk/client-sso-oidc";

import { newTokenRecord, writeTokenFile } from "../cache/index.js";

/** Where and for whom the demo signs in. */
export interface DemoSession {
  startUrl: string;
  region: string;
  endpoint: string;
  tokenPath: string;
}

/**
 * The first sign-in, step by step as the protocol has it: RegisterClient,
 * StartDeviceAuthorization, a person's approval (the emulator's hook gives it), CreateToken
 * with the device code, and the token cached in the AWS CLI's format.
 */
export async function signInWithDeviceCode(session: DemoSession): Promise<Date> {
  const client = new SSOOIDCClient({ region: session.region, endpoint: session.endpoint });
  try {
    const registration = await client.send(
      new RegisterClientCommand({
        clientName: "sso-token-provider-demo",
        clientType: "public",
        scopes: ["sso:account:access"],
      }),
    );
    const clientId = registration.clientId!;
    const clientSecret = registration.clientSecret!;

    const device = await client.send(
      new StartDeviceAuthorizationCommand({ clientId, clientSecret, startUrl: session.startUrl }),
    );
    const tokens = await pollUntilApproved(client, {
      clientId,
      clientSecret,
      deviceCode: device.deviceCode!,
      intervalMs: (device.interval ?? 1) * 1000,
    });

    const expiresAt = new Date(Date.now() + tokens.expiresIn! * 1000);
    const record = newTokenRecord({
      startUrl: session.startUrl,
      region: session.region,
      accessToken: tokens.accessToken!,
      expiresAt,
      clientId,
      clientSecret,
      registrationExpiresAt: new Date(registration.clientSecretExpiresAt! * 1000),
      refreshToken: tokens.refreshToken,
    });
    await writeTokenFile(session.tokenPath, record);
    return expiresAt;
  } finally {
    client.destroy();
  }
}

async function pollUntilApproved(
  client: SSOOIDCClient,
  request: { clientId: string; clientSecret: string; deviceCode: string; intervalMs: number },
) {
  for (;;) {
    try {
      return await client.send(
        new CreateTokenCommand({
          grantType: "urn:ietf:params:oauth:grant-type:device_code",
          clientId: request.clientId,
          clientSecret: request.clientSecret,
          deviceCode: request.deviceCode,
        }),
      );
    } catch (error) {
      if ((error as Error).name !== "AuthorizationPendingException") throw error;
      await new Promise((resolve) => setTimeout(resolve, request.intervalMs));
    }
  }
}
