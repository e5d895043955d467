const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Whether a client may register this redirect URI: any `https` URI, or an `http` URI on a
 * loopback host (native apps, RFC 8252 §7.3), without a fragment.
 *
 * @internal
 */
export function isAcceptableRedirectUri(uri: string): boolean {
  const url = parse(uri);
  if (url === undefined || url.hash !== "") return false;
  return url.protocol === "https:" || isLoopback(url);
}

/**
 * Whether a redirect URI sent to `/authorize` matches one the client registered: the same
 * string, or, for a loopback URI, the same but for the port, which a native app picks when
 * it starts listening (RFC 8252 §7.3; the AWS CLI registers `http://127.0.0.1/oauth/callback`).
 *
 * @internal
 */
export function matchesRegisteredRedirectUri(requested: string, registered: string[]): boolean {
  if (registered.includes(requested)) return true;

  const url = parse(requested);
  if (url === undefined || !isLoopback(url)) return false;

  return registered.some((candidate) => {
    const allowed = parse(candidate);
    return (
      allowed !== undefined &&
      isLoopback(allowed) &&
      allowed.hostname === url.hostname &&
      allowed.pathname === url.pathname &&
      allowed.search === url.search
    );
  });
}
