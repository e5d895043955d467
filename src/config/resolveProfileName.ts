/** The profile used when nobody names one. */
export const DEFAULT_PROFILE_NAME = "default";

/** Options of {@link resolveProfileName}. */
export interface ResolveProfileNameOptions {
  /** The profile named in our own options. Highest precedence. */
  profile?: string;
  /** The profile an SDK client passes in identity properties (`callerClientConfig.profile`). */
  callerProfile?: string;
  /** The environment to read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Also read `AWS_DEFAULT_PROFILE` after `AWS_PROFILE`, as the AWS CLI v2 does. Default false:
   * the AWS SDKs for JavaScript, Go and Rust ignore that variable.
   */
  includeDefaultProfileEnv?: boolean;
}

/**
 * Picks the profile name: `profile`, then `callerProfile`, then `AWS_PROFILE`, then (only when
 * `includeDefaultProfileEnv`) `AWS_DEFAULT_PROFILE`, then `"default"`. Empty strings count as
 * unset. `explicit` is true unless the name is the `"default"` fallback: it says whether someone
 * named the profile, which decides whether a credential chain may move on when it is not usable.
 *
 * @public
 */
export function resolveProfileName(opts: ResolveProfileNameOptions): {
  name: string;
  explicit: boolean;
} {
  const env = opts.env ?? process.env;
  const candidates = [
    opts.profile,
    opts.callerProfile,
    env.AWS_PROFILE,
    opts.includeDefaultProfileEnv ? env.AWS_DEFAULT_PROFILE : undefined,
  ];

  const named = candidates.find((name) => typeof name === "string" && name !== "");
  if (named !== undefined) return { name: named, explicit: true };

  return { name: DEFAULT_PROFILE_NAME, explicit: false };
}
