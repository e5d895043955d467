// Test-only preload (NODE_OPTIONS=--import=...): writes the file named by
// SSO_TEST_SIGINT_READY_FILE once the command has installed its Ctrl-C handler, so a test
// sends SIGINT only when the command will handle it. Node catches SIGINT from its start, so
// the kernel's signal mask cannot tell this.
import { writeFileSync } from "node:fs";

const readyFile = process.env.SSO_TEST_SIGINT_READY_FILE;
const on = process.on;
process.on = function (event, listener) {
  const result = on.call(this, event, listener);
  if (event === "SIGINT" && readyFile) writeFileSync(readyFile, "ready\n");
  return result;
};
