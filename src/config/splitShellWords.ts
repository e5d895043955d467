const SHELL_SPACE = new Set([" ", "\t", "\r", "\n"]);

/**
 * Splits a section header into words as Python's `shlex.split` does (POSIX rules, no
 * comments), which is how the AWS CLI reads `[profile NAME]` and `[sso-session NAME]`:
 * words are separated by spaces or tabs; single quotes keep everything literally; double
 * quotes keep everything but `\"` and `\\`; outside quotes a backslash escapes any character;
 * quoted parts join the word they touch. Returns undefined where shlex fails (an unclosed
 * quote, a trailing backslash): the CLI then ignores the section.
 *
 * @internal
 */
export function splitShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;

  while (i < text.length) {
    const ch = text[i] as string;

    if (SHELL_SPACE.has(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i += 1;
      continue;
    }

    inWord = true;
    if (ch === "\\") {
      if (i + 1 >= text.length) return undefined;
      word += text[i + 1];
      i += 2;
    } else if (ch === "'" || ch === '"') {
      const quoted = readQuoted(text, i);
      if (quoted === undefined) return undefined;
      word += quoted.value;
      i = quoted.end;
    } else {
      word += ch;
      i += 1;
    }
  }

  if (inWord) words.push(word);
  return words;
}

// Reads a quoted part starting at the opening quote; `end` is the index after the closing one.
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text[start];
  let value = "";
  let i = start + 1;

  while (i < text.length) {
    const ch = text[i] as string;

    if (ch === quote) return { value, end: i + 1 };

    if (quote === '"' && ch === "\\") {
      if (i + 1 >= text.length) return undefined;
      const next = text[i + 1] as string;
      // Inside double quotes only the quote and the backslash itself are escaped.
      value += next === '"' || next === "\\" ? next : `\\${next}`;
      i += 2;
      continue;
    }

    value += ch;
    i += 1;
  }

  return undefined;
}
