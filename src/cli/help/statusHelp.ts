/** `sso-token-provider status --help`. @internal */
export const STATUS_HELP = `Usage: sso-token-provider status [--json]

Lists every [sso-session] of the config file and every legacy SSO profile, with its start
URL and region, whether a token is cached, when it expires, whether it can be refreshed, and
until when the client registration lasts. It prints no secret and changes nothing.

Options:
  --json        print the same as one JSON object
  -h, --help    show this help
`;
