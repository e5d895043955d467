import { codeCatalystError } from "./codeCatalystError.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import { jsonResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { headerValue, type ParsedRequest } from "./ParsedRequest.js";

/**
 * CodeCatalyst `VerifySession` (GET /session) and `ListSpaces` (POST /v1/spaces), with the
 * access token as `Authorization: Bearer <token>`, as `@aws-sdk/client-codecatalyst` sends
 * it. A missing, unknown, revoked or expired token gets `AccessDeniedException` (403).
 *
 * @internal
 */
export function handleCodeCatalyst(
  context: EmulatorContext,
  operation: EmulatorOperation,
  request: ParsedRequest,
): EmulatorResponse {
  const authorization = headerValue(request, "authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (match === null) {
    return codeCatalystError("AccessDeniedException", "Missing bearer token");
  }
  if (context.store.validAccessToken(match[1]) === undefined) {
    return codeCatalystError("AccessDeniedException", "The bearer token is invalid or expired");
  }

  if (operation === "VerifySession") {
    return jsonResponse({ identity: context.options.userName });
  }

  return jsonResponse({
    items: context.options.spaces.map((space) => ({
      name: space.name,
      regionName: space.regionName,
      displayName: space.displayName,
      ...(space.description === undefined ? {} : { description: space.description }),
    })),
  });
}
