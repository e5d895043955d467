import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { getCacheDir, getTokenFilepath } from "../../src/cache/index.js";

describe(getTokenFilepath.name, () => {
  it("hashes the session name like the AWS CLI (test vector from botocore)", () => {
    expect(getTokenFilepath("my-sso", "/home/u")).toBe(
      join("/home/u", ".aws", "sso", "cache", "0ad374308c5a4e22f723adf10145eafad7c4031c.json"),
    );
  });

  it("hashes a legacy start URL", () => {
    // Expected names computed with Python's hashlib.sha1(key.encode("utf-8")).
    expect(getTokenFilepath("https://d-1234567890.awsapps.com/start", "/h")).toBe(
      join("/h", ".aws/sso/cache", "7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json"),
    );
  });

  it("hashes the key as UTF-8", () => {
    expect(getTokenFilepath("caf\u00e9", "/h")).toBe(
      join("/h", ".aws/sso/cache", "f424452a9673918c6f09b0cdd35b20be8e6ae7d7.json"),
    );
  });

  it("rejects an empty key", () => {
    expect(() => getTokenFilepath("", "/h")).toThrow(TypeError);
  });
});

describe(getCacheDir.name, () => {
  it("is ~/.aws/sso/cache", () => {
    expect(getCacheDir("/home/u")).toBe(join("/home/u", ".aws", "sso", "cache"));
  });
});
