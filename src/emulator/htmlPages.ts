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

/** The approve/deny page of an `/authorize` request; it reloads `continuePath` meanwhile. */
export function authorizePage(
  requestId: string,
  clientName: string,
  scopes: string[],
  continuePath: string,
): string {
  // The reload lets a browser go on by itself when the request is approved by API.
  const refresh = `<meta http-equiv="refresh" content="2;url=${escapeHtml(continuePath)}">`;
  return page(
    "Allow access",
    [
      `<p>Allow <strong>${escapeHtml(clientName)}</strong> to access your account?</p>`,
      scopesLine(scopes),
      '<form method="post" action="/authorize/decision">',
      hidden("request", requestId),
      decisionButtons(),
      "</form>",
    ].join("\n"),
    refresh,
  );
}

function scopesLine(scopes: string[]): string {
  if (scopes.length === 0) return "<p>Scopes: none</p>";
  const items = scopes.map((scope) => `<code>${escapeHtml(scope)}</code>`).join(", ");
  return `<p>Scopes: ${items}</p>`;
}
