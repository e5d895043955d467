import { homedir } from "node:os";
import { sep } from "node:path";

import { describe, expect, it } from "vitest";

import { getHomeDir } from "../../src/config/index.js";

describe(getHomeDir.name, () => {
  it("returns HOME first", () => {
    const env = { HOME: "/h", USERPROFILE: "/u", HOMEDRIVE: "D:", HOMEPATH: "\\p" };
    expect(getHomeDir(env)).toBe("/h");
  });

  it("returns USERPROFILE when HOME is unset or empty", () => {
    expect(getHomeDir({ USERPROFILE: "C:\\Users\\me", HOMEPATH: "\\p" })).toBe("C:\\Users\\me");
    expect(getHomeDir({ HOME: "", USERPROFILE: "C:\\Users\\me" })).toBe("C:\\Users\\me");
  });

  it("joins HOMEDRIVE and HOMEPATH next", () => {
    expect(getHomeDir({ HOMEDRIVE: "D:", HOMEPATH: "\\Users\\me" })).toBe("D:\\Users\\me");
  });

  it("takes C: and the path separator when only HOMEPATH is set, as the SDK does", () => {
    expect(getHomeDir({ HOMEPATH: "Users" })).toBe(`C:${sep}Users`);
  });

  it("falls back to os.homedir() when none is set", () => {
    expect(getHomeDir({})).toBe(homedir());
  });

  it("reads process.env by default", () => {
    expect(getHomeDir()).toBe(getHomeDir(process.env));
  });
});
