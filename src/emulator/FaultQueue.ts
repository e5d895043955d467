import { EMULATOR_OPERATIONS, OIDC_OPERATIONS } from "./EmulatorOperation.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import type { EmulatorFault, EmulatorFaultKind } from "./EmulatorFault.js";
import { isOidcErrorShape } from "./oidcErrorShapes.js";
import { invalid } from "./resolveEmulatorOptions.js";

const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

const SIMPLE_KINDS = new Set<string>([
  "server_error",
  "throttle",
  "no_refresh_token",
  "no_access_token",
  "zero_expires_in",
  "drop_connection",
  "drop_response",
  "delay",
]);

const CREATE_TOKEN_ONLY = new Set<string>([
  "no_refresh_token",
  "no_access_token",
  "zero_expires_in",
]);
const PAGE_OPERATIONS = new Set<EmulatorOperation>(["Authorize", "DeviceVerification", "Index"]);

/** A fault taken from the queue for one request. @internal */
export interface TakenFault {
  kind: EmulatorFaultKind;
  delayMs: number;
  /** A short name for events: the kind, or `errorShape:<Shape>`. */
  label: string;
}

interface QueuedFault {
  operation: EmulatorOperation;
  grantType: string | undefined;
  kind: EmulatorFaultKind;
  remaining: number;
  delayMs: number;
}

/**
 * The injected faults, oldest first. A request takes the oldest fault that matches its
 * operation (and grant type); a fault leaves the queue when its count is used up.
 *
 * @internal
 */
export class FaultQueue {
  #queue: QueuedFault[] = [];

  /** Checks a fault description and queues it. */
  add(fault: EmulatorFault): void {
    this.#queue.push(checkFault(fault));
  }

  /** Removes every queued fault. */
  clear(): void {
    this.#queue = [];
  }

  /** How many faults are still queued. */
  get size(): number {
    return this.#queue.length;
  }

  /** Takes one use of the oldest fault matching this request, if any. */
  take(operation: EmulatorOperation, grantType?: string): TakenFault | undefined {
    const index = this.#queue.findIndex(
      (fault) =>
        fault.operation === operation &&
        (fault.grantType === undefined || fault.grantType === grantType),
    );
    if (index < 0) return undefined;

    const fault = this.#queue[index] as QueuedFault;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#queue.splice(index, 1);

    const label =
      typeof fault.kind === "string" ? fault.kind : `errorShape:${fault.kind.errorShape}`;
    return { kind: fault.kind, delayMs: fault.delayMs, label };
  }
}

function checkFault(fault: EmulatorFault): QueuedFault {
  if (fault === null || typeof fault !== "object") {
    throw invalid("injectFault(fault)", "an object { operation, fault, count?, delayMs? }");
  }

  const { operation, grantType, kind, count, delayMs } = {
    operation: fault.operation,
    grantType: fault.grantType,
    kind: fault.fault,
    count: fault.count ?? 1,
    delayMs: fault.delayMs ?? 0,
  };

  if (!EMULATOR_OPERATIONS.includes(operation) || (operation as string) === "Unknown") {
    const names = EMULATOR_OPERATIONS.filter((name) => name !== "Unknown").join(", ");
    throw invalid("injectFault: operation", `one of ${names}`);
  }
  if (grantType !== undefined && (operation !== "CreateToken" || typeof grantType !== "string")) {
    throw invalid("injectFault: grantType", "a grant type string, and only for CreateToken");
  }
  if (!(count === Infinity || (Number.isInteger(count) && count > 0))) {
    throw invalid("injectFault: count", "a positive integer or Infinity");
  }
  if (!Number.isInteger(delayMs) || delayMs < 0) {
    throw invalid("injectFault: delayMs", "an integer number of milliseconds, 0 or more");
  }
  checkKind(operation, kind, delayMs);

  return {
    operation,
    grantType: grantType === "device_code" ? DEVICE_CODE_GRANT : grantType,
    kind,
    remaining: count,
    delayMs,
  };
}

function checkKind(operation: EmulatorOperation, kind: EmulatorFaultKind, delayMs: number): void {
  if (typeof kind === "object" && kind !== null) {
    if (!isOidcErrorShape(kind.errorShape)) {
      throw invalid(
        "injectFault: fault.errorShape",
        "an SSO OIDC error shape such as InvalidGrantException",
      );
    }
    if (!OIDC_OPERATIONS.includes(operation)) {
      throw invalid(
        "injectFault: fault",
        "a string kind: errorShape faults are for SSO OIDC operations",
      );
    }
    return;
  }

  if (typeof kind !== "string" || !SIMPLE_KINDS.has(kind)) {
    throw invalid("injectFault: fault", `one of ${[...SIMPLE_KINDS].join(", ")} or { errorShape }`);
  }
  if (CREATE_TOKEN_ONLY.has(kind) && operation !== "CreateToken") {
    throw invalid("injectFault: fault", `"${kind}" only with operation CreateToken`);
  }
  if (kind === "throttle" && PAGE_OPERATIONS.has(operation)) {
    throw invalid("injectFault: fault", `"throttle" only with an API operation, not ${operation}`);
  }
  if (kind === "delay" && delayMs === 0) {
    throw invalid("injectFault: delayMs", `more than 0 with fault "delay"`);
  }
}
