import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

const CJS_ENTRY = fileURLToPath(new URL("../../dist/cjs/index.js", import.meta.url));

// Run after `npm run build`: the built CommonJS entry, in a fresh process.
const PROBE = `
  const loaded = () => Object.keys(require.cache);
  const pkg = require(${JSON.stringify(CJS_ENTRY)});
  const heavy = loaded().filter((path) =>
    /@aws-sdk[\\\\/](client-sso|client-sso-oidc|credential-providers|client-sts)[\\\\/]/.test(path) ||
    /[\\\\/]proper-lockfile[\\\\/]/.test(path));
  console.log(JSON.stringify({ heavy, exported: typeof pkg.fromSsoRoleCredentials }));
`;

describe("importing the package", () => {
  it("loads no SDK client, credential provider or lock library until they are needed", () => {
    const output = execFileSync(process.execPath, ["-e", PROBE], { encoding: "utf8" });

    expect(JSON.parse(output)).toEqual({ heavy: [], exported: "function" });
  });
});
