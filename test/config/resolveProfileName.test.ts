import { describe, expect, it } from "vitest";

import { resolveProfileName } from "../../src/config/index.js";

describe(resolveProfileName.name, () => {
  const env = { AWS_PROFILE: "from-env", AWS_DEFAULT_PROFILE: "from-default-env" };

  it("prefers the profile option over everything", () => {
    expect(resolveProfileName({ profile: "opt", callerProfile: "client", env })).toEqual({
      name: "opt",
      explicit: true,
    });
  });

  it("takes the SDK client's profile next", () => {
    expect(resolveProfileName({ callerProfile: "client", env })).toEqual({
      name: "client",
      explicit: true,
    });
  });

  it("takes AWS_PROFILE next", () => {
    expect(resolveProfileName({ env })).toEqual({ name: "from-env", explicit: true });
  });

  it("reads AWS_DEFAULT_PROFILE only when asked to, and after AWS_PROFILE", () => {
    const onlyDefault = { AWS_DEFAULT_PROFILE: "from-default-env" };
    expect(resolveProfileName({ env: onlyDefault })).toEqual({ name: "default", explicit: false });
    expect(resolveProfileName({ env: onlyDefault, includeDefaultProfileEnv: true })).toEqual({
      name: "from-default-env",
      explicit: true,
    });
    expect(resolveProfileName({ env, includeDefaultProfileEnv: true }).name).toBe("from-env");
  });

  it("falls back to a non-explicit \"default\"", () => {
    expect(resolveProfileName({ env: {} })).toEqual({ name: "default", explicit: false });
  });

  it("treats empty strings as unset", () => {
    const blank = { profile: "", callerProfile: "", env: { AWS_PROFILE: "" } };
    expect(resolveProfileName(blank)).toEqual({ name: "default", explicit: false });
  });

  it("counts a profile named \"default\" by someone as explicit", () => {
    expect(resolveProfileName({ env: { AWS_PROFILE: "default" } })).toEqual({
      name: "default",
      explicit: true,
    });
  });
});
