import type { EmulatorCounters } from "./EmulatorCounters.js";
import type { EmulatorStore } from "./EmulatorStore.js";
import type { ResolvedEmulatorOptions } from "./resolveEmulatorOptions.js";

/**
 * What every handler needs: the options, the state, the counters and the base URL.
 *
 * @internal
 */
export interface EmulatorContext {
  options: ResolvedEmulatorOptions;
  store: EmulatorStore;
  counters: EmulatorCounters;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  url: string;
}
