// Builds dist/: the ESM and CommonJS library that package.json's exports map points at, and
// the ESM programs (the command line, the demo).
//
// TypeScript checks the sources and writes the type declarations; rolldown writes the
// JavaScript, bundled. Bundling is for start-up time: a provider is often imported by a
// short-lived process (a build step, a test runner, `credential_process`), and Node loads
// ESM modules one by one, so ~80 small files cost more than the code in them. Only this
// package's own code is bundled; its dependencies stay ordinary imports, so they are shared
// with the SDK clients of the process. Code that only a refresh, a login or the role
// credentials need stays in chunks imported when it is first needed.
//
// Two separate bundles, so that the library's entry is one file plus those lazy chunks:
// - the library: `index` and `emulator/index`, as ESM (dist/esm) and CommonJS (dist/cjs);
// - the programs: `cli/main`, `demo/main`, `demo/raceChild`, and `cache/index` and
//   `lock/index`, which the test helpers, the benchmark and the soak run import. A program
//   runs in its own process, so its copy of the library's code never meets the library's.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, rmSync, writeFileSync } from "node:fs";

import { build } from "rolldown";

const LIBRARY = {
  index: "src/index.ts",
  "emulator/index": "src/emulator/index.ts",
};
const PROGRAMS = {
  "cli/main": "src/cli/main.ts",
  "demo/main": "src/demo/main.ts",
  "demo/raceChild": "src/demo/raceChild.ts",
  "cache/index": "src/cache/index.ts",
  "lock/index": "src/lock/index.ts",
};

rmSync("dist", { recursive: true, force: true });

// Types and the type check. The CommonJS declarations are the same text, read as CommonJS
// because of the package.json written next to them.
const tsc = ["node_modules/typescript/bin/tsc", "-p", "tsconfig.json", "--emitDeclarationOnly"];
execFileSync(process.execPath, tsc, { stdio: "inherit" });
cpSync("dist/esm", "dist/cjs", {
  recursive: true,
  filter: (path) => !/[\\/](cli|demo)$/.test(path),
});

await bundle(LIBRARY, "esm", "dist/esm", "chunks");
await bundle(LIBRARY, "cjs", "dist/cjs", "chunks");
await bundle(PROGRAMS, "esm", "dist/esm", "program-chunks");

writeFileSync("dist/cjs/package.json", '{ "type": "commonjs" }\n');
chmodSync("dist/esm/cli/main.js", 0o755);

async function bundle(input, format, dir, chunkDir) {
  await build({
    input,
    platform: "node",
    tsconfig: "tsconfig.json",
    // Every bare specifier (node:*, @aws-sdk/*, proper-lockfile, ...) stays an import.
    external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0"),
    logLevel: "warn",
    output: {
      dir,
      format,
      entryFileNames: "[name].js",
      chunkFileNames: `${chunkDir}/[name]-[hash].js`,
      sourcemap: true,
      // CommonJS output loads lazily with require(): a native import() there fails where
      // CommonJS code runs without ESM support (Jest without --experimental-vm-modules).
      dynamicImportInCjs: false,
    },
  });
}
