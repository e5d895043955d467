import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("npm run demo", () => {
  it("refreshes once for a real SDK client and once for 8 racing processes", async () => {
    const { stdout } = await run(process.execPath, ["dist/esm/demo/main.js"]);

    expect(stdout).toContain("CreateToken refreshes: 1; cache rewritten: mode 0600");
    expect(stdout).toContain("8/8 processes got a token; distinct tokens: 1");
    expect(stdout).toContain("CreateToken refreshes: 1; rejected with invalid_grant: 0");
    expect(stdout).toContain("All checks passed.");
  });
});
