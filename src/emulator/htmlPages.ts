import type { ApprovalRequest } from "./ApprovalRequest.js";
import { escapeHtml } from "./escapeMarkup.js";

// Plain pages a person (or a headless browser test) can read and click. Every dynamic
// value goes through escapeHtml. Buttons and fields carry stable ids for browser tests.

const STYLE = [
  "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}",
  "code{font-size:1.2rem}",
  "button{font-size:1rem;margin-right:1rem;padding:.4rem 1.2rem}",
].join("");

function page(title: string, body: string, headExtra = ""): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>${headExtra}</head>`,
    `<body><h1>${escapeHtml(title)}</h1>`,
    body,
    "<p><small>SSO OIDC emulator (sso-token-provider). Not an AWS page.</small></p>",
    "</body></html>",
  ].join("\n");
}

function hidden(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

function decisionButtons(): string {
  return [
    '<button id="approve" type="submit" name="decision" value="approve">Allow</button>',
    '<button id="deny" type="submit" name="decision" value="deny">Deny</button>',
  ].join("\n");
}

/** A page explaining why a request cannot go on. @internal */
export function messagePage(title: string, message: string): string {
  return page(title, `<p id="message">${escapeHtml(message)}</p>`);
}

/** The form where a person types a user code. @internal */
export function deviceEntryPage(): string {
  return page(
    "Authorize a device",
    [
      '<form method="get" action="/device">',
      '<label>Code shown on your device: <input id="user_code" name="user_code"',
      ' autocomplete="off" required></label>',
      '<button id="submit" type="submit">Next</button>',
      "</form>",
    ].join("\n"),
  );
}

/** The approve/deny page for one device code. @internal */
export function deviceConfirmPage(userCode: string, clientName: string, scopes: string[]): string {
  return page(
    "Authorize a device",
    [
      `<p>Allow <strong>${escapeHtml(clientName)}</strong> to access your account?</p>`,
      `<p>Code: <code id="code">${escapeHtml(userCode)}</code></p>`,
      scopesLine(scopes),
      '<form method="post" action="/device/decision">',
      hidden("user_code", userCode),
      decisionButtons(),
      "</form>",
    ].join("\n"),
  );
}

/**
 * The approve/deny page of an `/authorize` request. While it is open, a script asks
 * `statusPath` every second and goes to `continuePath` once the request was decided
 * elsewhere (by `Emulator.approve` or the hook), so a browser goes on by itself; it never
 * reloads while the request is pending, so a person's click is not interrupted.
 *
 * @internal
 */
export function authorizePage(
  requestId: string,
  clientName: string,
  scopes: string[],
  paths: { statusPath: string; continuePath: string },
): string {
  const script = [
    "<script>",
    `const statusPath = ${scriptString(paths.statusPath)};`,
    `const continuePath = ${scriptString(paths.continuePath)};`,
    "function poll() {",
    "  fetch(statusPath).then((response) => response.json()).then((body) => {",
    '    if (body.status === "pending") setTimeout(poll, 1000);',
    "    else location.assign(continuePath);",
    "  }, () => setTimeout(poll, 2000));",
    "}",
    "setTimeout(poll, 1000);",
    "</script>",
  ].join("\n");
  const noScript = `<noscript><meta http-equiv="refresh" content="5;url=${escapeHtml(
    paths.continuePath,
  )}"></noscript>`;
  return page(
    "Allow access",
    [
      `<p>Allow <strong>${escapeHtml(clientName)}</strong> to access your account?</p>`,
      scopesLine(scopes),
      '<form method="post" action="/authorize/decision">',
      hidden("request", requestId),
      decisionButtons(),
      "</form>",
      script,
    ].join("\n"),
    noScript,
  );
}

// A JSON string literal that cannot end the surrounding <script> element.
function scriptString(text: string): string {
  return JSON.stringify(text).replace(/</g, "\\u003c");
}

/**
 * The overview at `GET /`: what this server is, the endpoint variables, and the pending
 * approvals with links to decide them.
 *
 * @internal
 */
export function indexPage(url: string, pending: ApprovalRequest[]): string {
  const items = pending.map((request) => {
    const link =
      request.kind === "device"
        ? `/device?user_code=${encodeURIComponent(request.userCode)}`
        : `/authorize/continue?request=${encodeURIComponent(request.id)}`;
    const label = request.kind === "device" ? `device code ${request.userCode}` : "browser login";
    const who = escapeHtml(request.clientName);
    return `<li><a href="${escapeHtml(link)}">${escapeHtml(label)}</a> for ${who}</li>`;
  });
  const variables = ["SSO_OIDC", "SSO", "CODECATALYST", "STS"]
    .map((service) => `AWS_ENDPOINT_URL_${service}=${url}`)
    .join("\n");
  return page(
    "SSO OIDC emulator",
    [
      "<p>This server emulates AWS SSO OIDC, the SSO portal, CodeCatalyst and STS.",
      "Point clients at it with:</p>",
      `<pre id="environment">${escapeHtml(variables)}</pre>`,
      '<p>Device logins: <a href="/device">enter a code</a>.</p>',
      "<h2>Waiting for approval</h2>",
      items.length === 0 ? '<p id="pending">None.</p>' : `<ul id="pending">${items.join("")}</ul>`,
    ].join("\n"),
  );
}

function scopesLine(scopes: string[]): string {
  if (scopes.length === 0) return "<p>Scopes: none</p>";
  const items = scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(", ");
  return `<p>Scopes: ${items}</p>`;
}
