#!/usr/bin/env node
// The `sso-token-provider` command. It silences the AWS SDK's Node-version warning before any
// SDK client is loaded, so everything else is imported after that, dynamically.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const { runCli } = await import("./runCli.js");
const { EXIT_INTERRUPTED } = await import("./exitCodes.js");

const controller = new AbortController();
const onSignal = () => {
  // A second Ctrl-C stops at once, clean-up or not.
  if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
  controller.abort(new Error("interrupted"));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});

// An abandoned command may still wait on a lock or a request: end the process now. (Not
// after a normal finish, where exiting could cut off output still flowing into a pipe.)
if (controller.signal.aborted) process.exit();
