/**
 * The environment variable an AWS SDK client reads a service's bearer token from:
 * `AWS_BEARER_TOKEN_` and the signing name, upper-cased, with spaces and hyphens turned into
 * underscores (`bedrock` gives `AWS_BEARER_TOKEN_BEDROCK`), as `getBearerTokenEnvKey` of
 * `@aws-sdk/core` builds it.
 *
 * @public
 */
export function bearerTokenEnvKey(signingName: string): string {
  return `AWS_BEARER_TOKEN_${signingName.replace(/[\s-]/g, "_").toUpperCase()}`;
}
