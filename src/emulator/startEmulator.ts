import { Emulator } from "./Emulator.js";
import type { EmulatorOptions } from "./EmulatorOptions.js";
import { resolveEmulatorOptions } from "./resolveEmulatorOptions.js";

/**
 * Starts an emulator of AWS SSO OIDC (with the SSO portal, CodeCatalyst `VerifySession`/
 * `ListSpaces` and STS `GetCallerIdentity`) on 127.0.0.1, on a free port unless `port` is
 * given. The official AWS SDK clients and the AWS CLI work against it when their endpoint
 * is `emulator.url` (see {@link emulatorEnvironment}). Call `emulator.stop()` when done.
 *
 * Throws `EMULATOR_INVALID_USAGE` for a bad option and `EMULATOR_START_FAILED` when the
 * port cannot be used.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ autoApprove: true });
 * const oidc = new SSOOIDCClient({ region: "us-east-1", endpoint: emulator.url });
 * // ...
 * await emulator.stop();
 * ```
 * @public
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(resolveEmulatorOptions(options));
  await emulator.listen();
  return emulator;
}
