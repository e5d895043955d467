/** `sso-token-provider --help`. @internal */
export const MAIN_HELP = `Usage: sso-token-provider <command> [options]

Sign in to AWS IAM Identity Center (SSO), hand its bearer token to scripts, and sign out,
without the AWS CLI. Tokens are cached in ~/.aws/sso/cache exactly as the AWS CLI caches them.

Commands:
  login      sign in to an SSO session (browser with PKCE, or a device code)
  token      print a valid access token for a script (refreshing it if needed)
  status     show every SSO session in the config and the state of its token
  logout     sign out of a session (or of all of them) and remove its token
  credential-process
             print role credentials for the credential_process setting
  emulator   run a local SSO OIDC emulator to try all of this without AWS

Run \`sso-token-provider <command> --help\` for a command's options.

The profile is --profile, else AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default".
The config file is AWS_CONFIG_FILE, else ~/.aws/config.
Exit codes: 0 success, 1 failure (the reason is on standard error), 2 bad usage.
`;
