// One of the demo's racing processes: asks for a token once and prints a digest of it (never
// the token), so the parent can tell whether every process got the same one.
import { createHash } from "node:crypto";

import { fromSsoSession } from "../index.js";

try {
  const identity = await fromSsoSession({ profile: "demo" })();
  const digest = createHash("sha256").update(identity.token).digest("hex").slice(0, 12);
  console.log(JSON.stringify({ ok: true, digest }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, message: (error as Error).message }));
  process.exitCode = 1;
}
