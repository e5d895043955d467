import { join } from "node:path";

import { describe, expect } from "vitest";

import { itWithBotocore, runCliOracle } from "./cliOracle.js";
import { type CliClaim, FIXTURE_DIR, loadFixtureCases } from "./fixtureCases.js";

const claimed = loadFixtureCases().filter((c) => c.cli !== undefined);
const it = itWithBotocore();

describe("the `cli` claims of fixtures/config/cases.json", () => {
  it("match what botocore itself reads from the same files", () => {
    const answers = runCliOracle<CliClaim[]>({
      mode: "resolve",
      cases: claimed.map((c) => ({
        config: join(FIXTURE_DIR, c.file),
        credentials: c.credentials ? join(FIXTURE_DIR, c.credentials) : null,
        profile: c.profile ?? null,
        ssoSession: c.ssoSession ?? null,
      })),
    });

    const mismatches = claimed
      .map((c, i) => ({ name: c.name, claimed: c.cli, botocore: answers[i] }))
      .filter((row) => JSON.stringify(row.claimed) !== JSON.stringify(row.botocore));
    expect(mismatches).toEqual([]);
  });
});
