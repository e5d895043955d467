import { Emulator } from "./Emulator.js";
import type { EmulatorOptions } from "./EmulatorOptions.js";
import { resolveEmulatorOptions } from "./resolveEmulatorOptions.js";

/**
 * Starts an emulator of AWS SSO OIDC, with the SSO portal, CodeCatalyst `VerifySession` and
 * `ListSpaces`, and STS `GetCallerIdentity`, on 127.0.0.1 (a free port unless `port` is
 * given). The official AWS SDK clients and the AWS CLI work against it unchanged when their
 * endpoint is `emulator.url` (see {@link emulatorEnvironment}). Call `emulator.stop()` when
 * done.
 *
 * Routes: `POST /client/register`, `POST /device_authorization`, `POST /token` (SSO OIDC,
 * rest-json); `GET /authorize` (+ `/authorize/continue`, `/authorize/status`,
 * `POST /authorize/decision`) and `GET /device` (+ `POST /device/decision`) for people;
 * `GET /federation/credentials`, `GET /assignment/accounts`, `GET /assignment/roles`,
 * `POST /logout` (portal); `GET /session`, `POST /v1/spaces` (CodeCatalyst); `POST /` (STS).
 *
 * Rules it follows, as the service does:
 * - Errors carry the shape's status (400; 401 for `invalid_client`; 500 for `server_error`),
 *   `x-amzn-ErrorType: <Shape>:<namespace>` and `{"error", "error_description"}`; every
 *   answer has an `x-amzn-RequestId`.
 * - A missing required member is `invalid_request`; an unknown client, wrong secret or
 *   expired registration is `invalid_client`; an unknown, used or foreign refresh token,
 *   device code or authorization code is `invalid_grant`.
 * - Refresh tokens are single-use: each refresh answers a new access token and a new
 *   refresh token and the one sent stops working. A login's refresh tokens stop working
 *   `sessionLifetimeSeconds` after the login.
 * - Refresh tokens are issued only to clients registered with at least one scope (any
 *   scope; the AWS CLI registers `sso:account:access`), and not to clients that registered
 *   grant types without `refresh_token`. Without scopes, device and PKCE logins get an
 *   access token only.
 * - Device codes answer `authorization_pending` until approved, `access_denied` if denied,
 *   `slow_down` when polled sooner than `interval` after the previous poll, and
 *   `expired_token` after `expiresIn`. Tokens are issued once per device code.
 * - `/authorize` checks the client, its `authorization_code` registration, the redirect URI
 *   (a loopback `http://127.0.0.1/...` URI matches whatever its port), `response_type=code`,
 *   an S256 `code_challenge` and `scopes` (space-separated, among the registered ones).
 *   Anything wrong is a 400 page, never a redirect. Codes are single-use (any attempt uses
 *   them up), expire after `authorizationCodeLifetimeSeconds` (`expired_token`), and need
 *   the same `redirectUri` and a `codeVerifier` whose SHA-256 is the challenge.
 * - Approval: `autoApprove`, else the `approvalHook`, else a person on the HTML pages or a
 *   test calling `approve`/`deny`.
 * - Portal, CodeCatalyst and STS accept only credentials valid now (per `now`).
 *
 * Not emulated: CreateTokenWithIAM (answers `invalid_request`), ID tokens, scope checks on
 * portal and CodeCatalyst calls, STS actions other than GetCallerIdentity, and the clock
 * skew check of SigV4 (so tests can move `now` freely).
 *
 * Throws `EMULATOR_INVALID_USAGE` for a bad option and `EMULATOR_START_FAILED` when the
 * port cannot be used.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator({ autoApprove: true });
 * const oidc = new SSOOIDCClient({ region: "us-east-1", endpoint: emulator.url });
 * // ... register, start a device authorization, poll CreateToken ...
 * await emulator.stop();
 * ```
 * @public
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(resolveEmulatorOptions(options));
  await emulator.listen();
  return emulator;
}
