/** What an SDK client says about itself when it asks a provider for an identity. @internal */
export interface CallerProperties {
  profile?: string;
  configFilepath?: string;
  filepath?: string;
}

/**
 * The `profile` and config paths an SDK client passes with each call: newer clients inside
 * `callerClientConfig`, older generated ones as identity properties. Empty strings count as
 * unset.
 *
 * @internal
 */
export function callerProperties(properties: Record<string, unknown>): CallerProperties {
  const fromClient = (properties.callerClientConfig ?? {}) as Record<string, unknown>;
  const pick = (key: string) => {
    const value = properties[key] ?? fromClient[key];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return {
    profile: pick("profile"),
    configFilepath: pick("configFilepath"),
    filepath: pick("filepath"),
  };
}
