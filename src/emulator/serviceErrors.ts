import { codeCatalystError } from "./codeCatalystError.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import { htmlResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { messagePage } from "./htmlPages.js";
import { oidcError } from "./oidcError.js";
import { portalError } from "./portalError.js";
import { stsError } from "./stsError.js";

type Family = "oidc" | "portal" | "codecatalyst" | "sts" | "page";

function familyOf(operation: EmulatorOperation): Family {
  switch (operation) {
    case "GetRoleCredentials":
    case "ListAccounts":
    case "ListAccountRoles":
    case "Logout":
      return "portal";
    case "VerifySession":
    case "ListSpaces":
      return "codecatalyst";
    case "GetCallerIdentity":
      return "sts";
    case "Authorize":
    case "DeviceVerification":
    case "Index":
    case "Unknown":
      return "page";
    default:
      return "oidc";
  }
}

/**
 * A server error (500) in the encoding of the operation's service.
 *
 * @internal
 */
export function serverError(operation: EmulatorOperation, requestId: string): EmulatorResponse {
  const message = "An internal error occurred";
  switch (familyOf(operation)) {
    case "portal":
      return portalError("InternalServerException", message);
    case "codecatalyst":
      return codeCatalystError("InternalServerException", message);
    case "sts":
      return stsError(500, "InternalFailure", message, requestId, "Receiver");
    case "page":
      return htmlResponse(messagePage("Server error", message), 500, "server_error");
    default:
      return oidcError("InternalServerException", message);
  }
}

/**
 * A throttling error in the encoding of the operation's service: `SlowDownException` for
 * SSO OIDC, 429 for the portal and CodeCatalyst, `Throttling` for STS.
 *
 * @internal
 */
export function throttleError(operation: EmulatorOperation, requestId: string): EmulatorResponse {
  const message = "Rate exceeded";
  switch (familyOf(operation)) {
    case "portal":
      return portalError("TooManyRequestsException", message);
    case "codecatalyst":
      return codeCatalystError("ThrottlingException", message);
    case "sts":
      return stsError(400, "Throttling", message, requestId);
    case "page":
      return serverError(operation, requestId);
    default:
      return oidcError("SlowDownException", "Too many requests; slow down");
  }
}

/** The answer to a request no operation matches. @internal */
export function unknownOperation(): EmulatorResponse {
  return {
    kind: "send",
    status: 404,
    headers: {
      "content-type": "application/json",
      "x-amzn-ErrorType": "UnknownOperationException",
    },
    body: JSON.stringify({ message: "No operation of the emulator matches this method and path" }),
    error: "UnknownOperationException",
  };
}
