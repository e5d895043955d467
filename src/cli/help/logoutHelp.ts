/** `sso-token-provider logout --help`. @internal */
export const LOGOUT_HELP = `Usage: sso-token-provider logout [--profile P | --sso-session S | --all]

Signs out of the session of the named (or current) profile: ends its portal session with the
token (best effort, as the AWS CLI does) and removes its token file, under the session's lock.
Client registrations stay cached, so the next login is quicker.

Options:
  --profile P        the profile whose session to sign out of
                     (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE, then "default")
  --sso-session S    the [sso-session S] to sign out of
  --all              sign out of every cached SSO token, as \`aws sso logout\` does (it also
                     removes the AWS CLI's cached SSO role credentials in ~/.aws/cli/cache)
  -h, --help         show this help
`;
