// A stand-in for `sso-token-provider credential-process --profile P` until the command line
// has that command: it calls the built package's runCredentialProcess, as the command will.
import { parseArgs } from "node:util";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { runCredentialProcess } = await import(new URL("../../dist/esm/index.js", import.meta.url));

const { values } = parseArgs({ options: { profile: { type: "string" } } });
try {
  await runCredentialProcess({ profile: values.profile, stdout: process.stdout });
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
