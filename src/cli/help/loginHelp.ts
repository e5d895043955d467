/** `sso-token-provider login --help`. @internal */
export const LOGIN_HELP = `Usage: sso-token-provider login [--profile P | --sso-session S] [options]

Signs in anew (even when a valid token is cached) and caches the token where the AWS CLI
does. An [sso-session] signs in through the browser (authorization code with PKCE, answered
on 127.0.0.1); a legacy profile (sso_start_url in the profile) always uses a device code.

Options:
  --profile P             the profile whose sso_session (or legacy settings) to use
                          (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")
  --sso-session S         the [sso-session S] section to use, without a profile
  --use-device-code       sign in with a device code that you confirm in any browser
  --no-browser            print the address to open instead of opening a browser
                          (also: SSO_TOKEN_PROVIDER_NO_BROWSER=1)
  --timeout-seconds N     how long to wait for the browser, or for another login of the
                          same session to finish (default 600)
  -h, --help              show this help

Scopes come from sso_registration_scopes. Without sso:account:access the service issues no
refresh token, and you must log in again each time the token expires.

Examples:
  sso-token-provider login --sso-session my-sso
  sso-token-provider login --profile dev --use-device-code --no-browser
`;
