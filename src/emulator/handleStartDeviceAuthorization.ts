import { deviceVerificationUri } from "./approvalRequestFor.js";
import { authenticateClient } from "./authenticateClient.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import { jsonResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { DEVICE_CODE_GRANT } from "./EmulatorStore.js";
import { answerOidc, OidcFailure } from "./OidcFailure.js";
import type { ParsedRequest } from "./ParsedRequest.js";
import { oidcBody, requiredString } from "./readMembers.js";

/**
 * SSO OIDC `StartDeviceAuthorization` (POST /device_authorization): starts a device login
 * and answers with the device code, the user code and the verification page.
 *
 * @internal
 */
export function handleStartDeviceAuthorization(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  return answerOidc(() => {
    const body = oidcBody(request);
    const startUrl = requiredString(body, "startUrl");
    const client = authenticateClient(context, body);

    if (!context.store.allowsGrant(client, DEVICE_CODE_GRANT)) {
      throw new OidcFailure(
        "UnauthorizedClientException",
        "Client is not registered for the device code grant",
      );
    }

    const device = context.store.startDevice(client, startUrl);

    return jsonResponse({
      deviceCode: device.deviceCode,
      userCode: device.userCode,
      verificationUri: deviceVerificationUri(context),
      verificationUriComplete: deviceVerificationUri(context, device.userCode),
      expiresIn: context.options.deviceCodeLifetimeSeconds,
      interval: context.options.deviceCodeIntervalSeconds,
    });
  });
}
