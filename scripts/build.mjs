// Builds the ESM and CommonJS outputs that package.json's exports map points at.
// The command line and the demo are ESM only: they are programs, not imports.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";

const tsc = ["node_modules/typescript/bin/tsc", "-p"];

rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [...tsc, "tsconfig.json"], { stdio: "inherit" });
execFileSync(process.execPath, [...tsc, "tsconfig.cjs.json"], { stdio: "inherit" });

mkdirSync("dist/cjs", { recursive: true });
writeFileSync("dist/cjs/package.json", '{ "type": "commonjs" }\n');
chmodSync("dist/esm/cli/main.js", 0o755);
