import type { EmulatorResponse } from "./EmulatorResponse.js";

/** Error shapes of CodeCatalyst used here, with their statuses. @internal */
export const CODECATALYST_ERROR_STATUS = {
  AccessDeniedException: 403,
  ValidationException: 400,
  ThrottlingException: 429,
  InternalServerException: 500,
} as const;

/** A CodeCatalyst error shape name. @internal */
export type CodeCatalystErrorShape = keyof typeof CODECATALYST_ERROR_STATUS;

/**
 * A CodeCatalyst error (rest-json): status, `x-amzn-ErrorType` and a body with `message`.
 * An invalid or expired bearer token gets `AccessDeniedException` (403), as the service
 * answers; `@aws-sdk/client-codecatalyst` maps it to its `AccessDeniedException` class.
 *
 * @internal
 */
export function codeCatalystError(
  shape: CodeCatalystErrorShape,
  message: string,
): EmulatorResponse {
  return {
    kind: "send",
    status: CODECATALYST_ERROR_STATUS[shape],
    headers: { "content-type": "application/json", "x-amzn-ErrorType": shape },
    body: JSON.stringify({ message }),
    error: shape,
  };
}
