import type { EmulatorResponse } from "./EmulatorResponse.js";
import { oidcError } from "./oidcError.js";
import type { OidcErrorShape } from "./oidcErrorShapes.js";

/**
 * Thrown inside an SSO OIDC handler to answer with an error shape; the handler's caller
 * turns it into the response. It never leaves the emulator.
 *
 * @internal
 */
export class OidcFailure extends Error {
  readonly shape: OidcErrorShape;
  readonly description: string;

  constructor(shape: OidcErrorShape, description: string) {
    super(`${shape}: ${description}`);
    this.shape = shape;
    this.description = description;
  }

  /** The wire answer. */
  toResponse(): EmulatorResponse {
    return oidcError(this.shape, this.description);
  }
}

/** Runs an SSO OIDC handler body, answering an {@link OidcFailure} with its error. @internal */
export async function answerOidc(
  body: () => Promise<EmulatorResponse> | EmulatorResponse,
): Promise<EmulatorResponse> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof OidcFailure) return error.toResponse();
    throw error;
  }
}
