import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("examples/try-it.sh, the README's walk-through", () => {
  it("signs in, serves a bearer client and role credentials, and signs out", async () => {
    const { stdout, stderr } = await run("bash", ["examples/try-it.sh"]);

    expect(stderr).toContain("Signed in to sso-session 'emulated' (profile 'dev')");
    expect(stdout).toMatch(/token +valid until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/);
    expect(stdout).toMatch(/"expiresAt":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    expect(stdout).toContain("spaces: emulated-space");
    expect(stdout).toContain(
      "caller: 111122223333 arn:aws:sts::111122223333:assumed-role/ReadOnly/emulator-user",
    );
    expect(stderr).toContain("Signed out of sso-session 'emulated' (profile 'dev')");
    expect(stdout).toContain("after logout, token fails as it should (exit 1)");
  });
});
