/** `sso-token-provider credential-process --help`. @internal */
export const CREDENTIAL_PROCESS_HELP = `Usage: sso-token-provider credential-process [--profile P]

Prints role credentials of an SSO profile as the JSON that the credential_process setting
expects (Version 1, AccessKeyId, SecretAccessKey, SessionToken, Expiration), so that any AWS
tool in any language gets them through this package's locked, shared token refresh.
The profile needs sso_session (or legacy SSO settings), sso_account_id and sso_role_name.

Options:
  --profile P        the SSO profile (default: AWS_PROFILE, then AWS_DEFAULT_PROFILE,
                     then "default")
  -h, --help         show this help

Example, in ~/.aws/config (use a profile of its own: the AWS CLI prefers a profile's SSO
settings over its credential_process):
  [profile dev-anywhere]
  credential_process = sso-token-provider credential-process --profile dev
`;
