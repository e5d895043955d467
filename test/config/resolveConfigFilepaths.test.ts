import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { resolveConfigFilepaths } from "../../src/config/index.js";

describe(resolveConfigFilepaths.name, () => {
  it("defaults to .aws/config and .aws/credentials under the home folder", () => {
    expect(resolveConfigFilepaths({ env: { HOME: "/home/me" } })).toEqual({
      configFilepath: join("/home/me", ".aws", "config"),
      configSource: "the default location",
      credentialsFilepath: join("/home/me", ".aws", "credentials"),
      credentialsSource: "the default location",
    });
  });

  it("finds the home folder through USERPROFILE and HOMEDRIVE/HOMEPATH too", () => {
    expect(resolveConfigFilepaths({ env: { USERPROFILE: "/u" } }).configFilepath).toBe(
      join("/u", ".aws", "config"),
    );
    const drive = resolveConfigFilepaths({ env: { HOMEDRIVE: "/d", HOMEPATH: "/p" } });
    expect(drive.credentialsFilepath).toBe(join("/d/p", ".aws", "credentials"));
  });

  it("takes AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE over the home folder", () => {
    const env = {
      HOME: "/home/me",
      AWS_CONFIG_FILE: "/etc/aws/config",
      AWS_SHARED_CREDENTIALS_FILE: "/etc/aws/creds",
    };
    expect(resolveConfigFilepaths({ env })).toMatchObject({
      configFilepath: "/etc/aws/config",
      configSource: "AWS_CONFIG_FILE",
      credentialsFilepath: "/etc/aws/creds",
      credentialsSource: "AWS_SHARED_CREDENTIALS_FILE",
    });
  });

  it("takes the options over the environment", () => {
    const env = { AWS_CONFIG_FILE: "/env/config", AWS_SHARED_CREDENTIALS_FILE: "/env/creds" };
    expect(
      resolveConfigFilepaths({ configFilepath: "/opt/config", filepath: "/opt/creds", env }),
    ).toMatchObject({
      configFilepath: "/opt/config",
      configSource: "the configFilepath option",
      credentialsFilepath: "/opt/creds",
      credentialsSource: "the filepath option",
    });
  });

  it("ignores empty values", () => {
    const env = { HOME: "/h", AWS_CONFIG_FILE: "" };
    expect(resolveConfigFilepaths({ configFilepath: "", env }).configFilepath).toBe(
      join("/h", ".aws", "config"),
    );
  });

  it("expands a leading ~ with the injected home folder", () => {
    const env = { HOME: "/home/me", AWS_CONFIG_FILE: "~/cfg/config" };
    expect(resolveConfigFilepaths({ filepath: "~\\creds", env })).toMatchObject({
      configFilepath: join("/home/me", "cfg", "config"),
      credentialsFilepath: join("/home/me", "creds"),
    });
    expect(resolveConfigFilepaths({ configFilepath: "~", env }).configFilepath).toBe("/home/me");
    expect(resolveConfigFilepaths({ configFilepath: "~other/x", env }).configFilepath).toBe(
      "~other/x",
    );
  });
});
