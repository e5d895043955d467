/** The outcome of {@link parseJsonBytes}: the value, or a problem safe to show. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: string };

// Fatal decoding: a multi-byte character cut in half is a sign of a partial write too.
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses a token file's bytes as UTF-8 JSON (a leading byte order mark is allowed).
 * On failure, `problem` finishes the sentence "The SSO token cache file X ..." and never
 * quotes the text: V8's own message does, and the text may hold a secret.
 *
 * @internal
 */
export function parseJsonBytes(bytes: Uint8Array): JsonParseResult {
  let text: string;
  try {
    // TextDecoder drops a leading byte order mark, which JSON.parse would reject.
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: "is not valid UTF-8 text" };
  }
  if (text.trim() === "") return { ok: false, problem: "is empty" };

  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const problem = endsEarly(text) ? "is not valid JSON: it ends early" : "is not valid JSON";
    return { ok: false, problem };
  }
}

// Whether a string or an object/array is still open at the end: the shape of a file cut off
// by a write in progress. A rough scan; it only picks the wording of the message.
function endsEarly(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;

  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "{" || char === "[") {
      depth++;
    } else if (char === "}" || char === "]") {
      depth--;
    }
  }
  return inString || depth > 0;
}
