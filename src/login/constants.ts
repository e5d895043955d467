/** A cached registration is reused only while it lasts longer than this (as the AWS CLI). */
export const REGISTRATION_MIN_REMAINING_MS = 15 * 60_000;

/** The scopes the PKCE flow registers when none are configured (as the AWS CLI). */
export const DEFAULT_PKCE_SCOPES: readonly string[] = ["sso:account:access"];

/** The PKCE flow's registered redirect URI: a loopback URI, which matches any port. */
export const REGISTERED_REDIRECT_URI = "http://127.0.0.1/oauth/callback";

/** The path the loopback listener accepts. */
export const CALLBACK_PATH = "/oauth/callback";

/** Grant types of a PKCE registration. */
export const PKCE_GRANT_TYPES: readonly string[] = ["authorization_code", "refresh_token"];

/** The device-code grant type, as CreateToken names it. */
export const DEVICE_CODE_GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";

/** Polling interval when StartDeviceAuthorization names none, in seconds (as the AWS CLI). */
export const DEFAULT_POLL_INTERVAL_SECONDS = 5;

/**
 * The shortest wait between two polls, in seconds, whatever `interval` says: an `interval` of 0
 * (the emulator allows it) would otherwise poll without pause until the person approves.
 */
export const MIN_POLL_INTERVAL_SECONDS = 1;

/** What `slow_down` adds to the polling interval, for the rest of the flow, in seconds. */
export const SLOW_DOWN_STEP_SECONDS = 5;

/** How long a PKCE login waits for the browser by default: 10 minutes (as the AWS CLI). */
export const DEFAULT_LOGIN_TIMEOUT_MS = 10 * 60_000;

/** Bound of each HTTP request a login sends. */
export const DEFAULT_LOGIN_REQUEST_TIMEOUT_MS = 30_000;

/** A token another login left counts only if it lasts at least this long. */
export const FRESH_TOKEN_MIN_REMAINING_MS = 60_000;
