import type { Logger } from "@aws-sdk/types";

import type { SsoOidcClientConfig } from "../refresh/index.js";

/** {@link FromSsoSessionInit} with every default applied. @internal */
export interface ResolvedProviderOptions {
  clientConfig?: SsoOidcClientConfig;
  logger: Logger;
  refreshWindowMs: number;
  now: () => number;
  lockTimeoutMs: number;
  lockStaleMs: number;
}
