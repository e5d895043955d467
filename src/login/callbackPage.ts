/**
 * A small HTML page for the browser that reached the loopback listener. The text is escaped:
 * an `error_description` in a callback comes from the query string, which anyone can forge.
 *
 * @internal
 */
export function callbackPage(title: string, text: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:3em auto;max-width:40em}</style>",
    "</head><body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(text)}</p>`,
    "</body></html>",
  ].join("\n");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
