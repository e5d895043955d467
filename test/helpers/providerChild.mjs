// A separate process that asks the built package for a token once and prints what it got:
// a digest of the token (never the token itself), its expiration, or the error.
import { createHash } from "node:crypto";

const { fromSsoSession } = await import(new URL("../../dist/esm/index.js", import.meta.url));

const options = JSON.parse(process.argv[2] ?? "{}");
try {
  const identity = await fromSsoSession(options)();
  const digest = createHash("sha256").update(identity.token).digest("hex");
  console.log(JSON.stringify({ ok: true, digest, expiration: identity.expiration.toISOString() }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
  process.exitCode = 1;
}
