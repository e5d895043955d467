// Holds a session's lock the way another process of ours would: prints "locked", then waits
// for one line on stdin holding a token record, writes it as the cache file, and releases.
import { createInterface } from "node:readline";

const dist = new URL("../../dist/esm/", import.meta.url);
const { acquireSessionLock } = await import(new URL("lock/index.js", dist));
const { writeTokenFile } = await import(new URL("cache/index.js", dist));

const [filepath, purpose = "refresh"] = process.argv.slice(2);
const lock = await acquireSessionLock(filepath, { timeoutMs: 5000, staleMs: 10000, purpose });
console.log("locked");

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== "") await writeTokenFile(filepath, JSON.parse(line));
  break;
}
await lock.release();
console.log("released");
