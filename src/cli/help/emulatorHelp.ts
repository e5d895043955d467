/** `sso-token-provider emulator --help`. @internal */
export const EMULATOR_HELP = `Usage: sso-token-provider emulator [options]

Runs a local emulator of AWS SSO OIDC (and the SSO portal) on 127.0.0.1 in the foreground,
until Ctrl-C. It prints its address and the environment lines that point the AWS SDKs, the
AWS CLI and this command at it. Without --auto-approve, each sign-in waits for you to approve
or deny it on the emulator's verification page in a browser.

Options:
  --port N                              TCP port (default: any free port)
  --auto-approve                        approve every sign-in at once
  --access-token-lifetime-seconds S     lifetime of access tokens (default 3600)
  --registration-lifetime-seconds S     lifetime of client registrations (default 90 days)
  --device-code-lifetime-seconds S      lifetime of device codes (default 600)
  --device-code-interval-seconds S      device-code polling interval (default 1)
  --latency-ms MS                       delay added to every answer (default 0)
  -h, --help                            show this help

Example, in one terminal:
  sso-token-provider emulator --port 4545 --auto-approve
and in another (with an [sso-session] whose sso_start_url is any https URL):
  export AWS_ENDPOINT_URL_SSO_OIDC=http://127.0.0.1:4545 AWS_ENDPOINT_URL_SSO=http://127.0.0.1:4545
  sso-token-provider login --sso-session my-sso --no-browser
`;
