// One process of `npm run bench`: this package's provider ("ours") or the AWS SDK's own
// `fromSso` ("official"), asked for a token once. Prints one JSON line: whether it got one, a
// digest of it (never the token), and how long the import and the first call took.
//
// argv: <ours|ours-cjs|official|node> <JSON options>, options: { endpoint, startAtMs?, heap? }.
// "ours" imports the ESM build, "ours-cjs" requires the CommonJS one; "node" imports nothing
// and answers a constant, to show what Node itself costs.
// With `heap`, run with --expose-gc: the heap is measured after a collection.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const [which, optionsText = "{}"] = process.argv.slice(2);
const options = JSON.parse(optionsText);

const importStart = performance.now();
const init = { profile: "dev", clientConfig: { endpoint: options.endpoint } };
let provider;
if (which === "node") {
  provider = async () => ({ token: "constant" });
} else if (which === "ours") {
  provider = (await import(new URL("../dist/esm/index.js", import.meta.url))).fromSsoSession(init);
} else if (which === "ours-cjs") {
  provider = createRequire(import.meta.url)("../dist/cjs/index.js").fromSsoSession(init);
} else {
  provider = (await import("@aws-sdk/token-providers")).fromSso(init);
}
const importMs = performance.now() - importStart;

if (options.startAtMs !== undefined) await sleep(Math.max(0, options.startAtMs - Date.now()));

const callStart = performance.now();
const line = { which, importMs };
try {
  const identity = await provider();
  line.ok = true;
  line.digest = createHash("sha256").update(identity.token).digest("hex");
} catch (error) {
  line.ok = false;
  line.error = String(error.message).slice(0, 160);
}
line.firstCallMs = performance.now() - callStart;
// From the start of the process (before Node loaded this file) to the token.
line.sinceProcessStartMs = performance.now();
if (options.heap && typeof globalThis.gc === "function") {
  globalThis.gc();
  line.heapUsedBytes = process.memoryUsage().heapUsed;
  line.rssBytes = process.memoryUsage().rss;
}
console.log(JSON.stringify(line));
