import { inspect } from "node:util";

import { TokenProviderError } from "@smithy/property-provider";

import type { ErrorCode } from "./ErrorCode.js";

/** @public */
export interface SsoTokenProviderErrorOptions {
  /** The stable code of this failure. */
  code: ErrorCode;
  /** Whether an SDK `chain` may move on to its next provider. Default false. */
  tryNextLink?: boolean;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The one error type this package throws. It is a `TokenProviderError`, so SDK chains
 * understand `tryNextLink`, and it carries a stable `code` and the underlying `cause`.
 *
 * Messages are written by this package and never contain a secret. The `cause` may come
 * from elsewhere, so `util.inspect` and `JSON.stringify` show only its name, code and message.
 *
 * @public
 */
export class SsoTokenProviderError extends TokenProviderError {
  override name = "SsoTokenProviderError";
  readonly code: ErrorCode;

  constructor(message: string, options: SsoTokenProviderErrorOptions) {
    super(message, { tryNextLink: options.tryNextLink ?? false });
    Object.setPrototypeOf(this, SsoTokenProviderError.prototype);
    this.code = options.code;
    if (options.cause !== undefined) {
      Object.defineProperty(this, "cause", {
        value: options.cause,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
  }

  /** What `JSON.stringify` shows: the safe fields only. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      tryNextLink: this.tryNextLink,
      cause: describeCause(this.cause),
    };
  }

  [inspect.custom](): string {
    const cause = describeCause(this.cause);
    const causeLine = cause ? `\n  cause: ${cause.name}: ${cause.message}` : "";
    return `${this.name} [${this.code}]: ${this.message}${causeLine}`;
  }
}

interface CauseSummary {
  name: string;
  message: string;
}

// A cause from the SDK can hold a raw response; show only what explains the failure.
function describeCause(cause: unknown): CauseSummary | undefined {
  if (cause === undefined || cause === null) return undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    const name = typeof code === "string" ? `${cause.name} (${code})` : cause.name;
    return { name, message: cause.message };
  }
  return { name: typeof cause, message: "non-error value" };
}
