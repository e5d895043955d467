import { RegisterClientCommand, type SSOOIDCClient } from "@aws-sdk/client-sso-oidc";

/** Thrown by the capturing middleware to stop the request before it is sent. */
class EndpointCaptured extends Error {
  constructor(readonly url: string) {
    super("endpoint captured");
  }
}

const REGISTER_PATH = "/client/register";

/**
 * The base URL of the SSO OIDC service as `client` resolves it (`https://oidc.<region>.
 * amazonaws.com`, or an endpoint override such as `AWS_ENDPOINT_URL_SSO_OIDC`), found the way
 * the AWS CLI finds it: a RegisterClient request is built, and stopped before it is sent,
 * once the SDK has put the resolved endpoint into it. Nothing reaches the network.
 *
 * The `/authorize` page of the PKCE flow lives under this base, which no SDK call exposes.
 *
 * @internal
 */
export async function resolveOidcBaseUrl(client: SSOOIDCClient): Promise<string> {
  const command = new RegisterClientCommand({ clientName: "endpoint-probe", clientType: "public" });
  command.middlewareStack.add(
    () => async (args) => {
      const request = args.request as {
        protocol: string;
        hostname: string;
        port?: number;
        path: string;
      };
      const port = request.port ? `:${request.port}` : "";
      throw new EndpointCaptured(`${request.protocol}//${request.hostname}${port}${request.path}`);
    },
    // After serialisation (the endpoint is applied), before signing, retries and sending.
    { step: "build", name: "ssoTokenProviderCaptureEndpoint", priority: "low" },
  );

  try {
    await client.send(command);
  } catch (error) {
    if (error instanceof EndpointCaptured) return baseOf(error.url);
    throw error;
  }
  throw new Error("the SSO OIDC endpoint could not be resolved");
}

function baseOf(url: string): string {
  const base = url.endsWith(REGISTER_PATH) ? url.slice(0, -REGISTER_PATH.length) : url;
  return base.replace(/\/+$/, "");
}
