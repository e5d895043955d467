/** `sso-token-provider token --help`. @internal */
export const TOKEN_HELP = `Usage: sso-token-provider token [--profile P | --sso-session S] [--json]

Prints a valid access token of the session on standard output, refreshing it first (under
the session's lock, shared with every other process) when it expires within 5 minutes.
It never starts a login: without a usable token it fails and says which login to run.

Options:
  --profile P        the profile whose sso_session (or legacy settings) to use
                     (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")
  --sso-session S    the [sso-session S] section to use, without a profile
  --json             print {"accessToken": ..., "expiresAt": "YYYY-MM-DDTHH:MM:SSZ"}
  -h, --help         show this help

Example:
  curl -H "Authorization: Bearer $(sso-token-provider token --sso-session my-sso)" ...
`;
