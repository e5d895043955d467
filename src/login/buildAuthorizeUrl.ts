/** What the `/authorize` URL carries. @internal */
export interface AuthorizeUrlInput {
  /** The SSO OIDC base URL (see resolveOidcBaseUrl). */
  baseUrl: string;
  clientId: string;
  /** The loopback callback, with its port. */
  redirectUri: string;
  state: string;
  codeChallenge: string;
  scopes: readonly string[];
}

/**
 * The page of the PKCE flow: `<base>/authorize?response_type=code&client_id=...&
 * redirect_uri=...&state=...&code_challenge_method=S256&scopes=...&code_challenge=...`, with
 * the parameters in the AWS CLI's order and its spelling (`scopes`, space-separated).
 *
 * @internal
 */
export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const query = new URLSearchParams([
    ["response_type", "code"],
    ["client_id", input.clientId],
    ["redirect_uri", input.redirectUri],
    ["state", input.state],
    ["code_challenge_method", "S256"],
    ["scopes", input.scopes.join(" ")],
    ["code_challenge", input.codeChallenge],
  ]);
  return `${input.baseUrl}/authorize?${query.toString()}`;
}
