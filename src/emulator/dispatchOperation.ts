import type { EmulatorContext } from "./EmulatorContext.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import type { EmulatorResponse } from "./EmulatorResponse.js";
import type { TakenFault } from "./FaultQueue.js";
import {
  handleAuthorize,
  handleAuthorizeContinue,
  handleAuthorizeDecision,
  handleAuthorizeStatus,
} from "./handleAuthorize.js";
import { handleCodeCatalyst } from "./handleCodeCatalyst.js";
import { handleCreateToken } from "./handleCreateToken.js";
import { handleDeviceDecision, handleDevicePage } from "./handleDevicePages.js";
import { handlePortal } from "./handlePortal.js";
import { handleRegisterClient } from "./handleRegisterClient.js";
import { handleStartDeviceAuthorization } from "./handleStartDeviceAuthorization.js";
import { handleSts } from "./handleSts.js";
import { htmlResponse } from "./EmulatorResponse.js";
import { indexPage } from "./htmlPages.js";
import { pendingApprovals } from "./pendingApprovals.js";
import { oidcError } from "./oidcError.js";
import type { ParsedRequest } from "./ParsedRequest.js";
import { unknownOperation } from "./serviceErrors.js";

/**
 * Runs the handler of an operation. `fault` carries a token-shaping fault to CreateToken.
 *
 * @internal
 */
export async function dispatchOperation(
  context: EmulatorContext,
  operation: EmulatorOperation,
  request: ParsedRequest,
  fault: TakenFault | undefined,
): Promise<EmulatorResponse> {
  switch (operation) {
    case "RegisterClient":
      return handleRegisterClient(context, request);
    case "StartDeviceAuthorization":
      return handleStartDeviceAuthorization(context, request);
    case "CreateToken":
      return handleCreateToken(context, request, fault);
    case "CreateTokenWithIAM":
      return oidcError("InvalidRequestException", "CreateTokenWithIAM is not emulated");
    case "Authorize":
      if (request.path.startsWith("/authorize/continue")) {
        return handleAuthorizeContinue(context, request);
      }
      if (request.path.startsWith("/authorize/status")) {
        return handleAuthorizeStatus(context, request);
      }
      if (request.method === "POST") return handleAuthorizeDecision(context, request);
      return handleAuthorize(context, request);
    case "DeviceVerification":
      if (request.method === "POST") return handleDeviceDecision(context, request);
      return handleDevicePage(context, request);
    case "GetRoleCredentials":
    case "ListAccounts":
    case "ListAccountRoles":
    case "Logout":
      return handlePortal(context, operation, request);
    case "VerifySession":
    case "ListSpaces":
      return handleCodeCatalyst(context, operation, request);
    case "GetCallerIdentity":
      return handleSts(context, request);
    case "Index":
      return htmlResponse(indexPage(context.url, pendingApprovals(context)));
    default:
      return unknownOperation();
  }
}
