import { describe, expect, it } from "vitest";

import { splitShellWords } from "../../src/config/splitShellWords.js";

// Expected values are Python 3.11's shlex.split on the same strings.
const CASES: [string, string[] | undefined][] = [
  ["profile dev", ["profile", "dev"]],
  ["  profile   dev  ", ["profile", "dev"]],
  ["profile\tdev", ["profile", "dev"]],
  ['profile "my dev"', ["profile", "my dev"]],
  ["profile 'a \"b\" c'", ["profile", 'a "b" c']],
  ["profile a\\ b", ["profile", "a b"]],
  ['profile "a\\"b"', ["profile", 'a"b']],
  ['profile "a\\b"', ["profile", "a\\b"]],
  ['profile "a\\\\b"', ["profile", "a\\b"]],
  ["profile 'a\\b'", ["profile", "a\\b"]],
  ['sso-session x"y z"w', ["sso-session", "xy zw"]],
  ['profile ""', ["profile", ""]],
  ["a#b c", ["a#b", "c"]],
  ['profile "unclosed', undefined],
  ["profile 'unclosed", undefined],
  ["profile trailing\\", undefined],
];

describe(splitShellWords.name, () => {
  it.each(CASES)("splits %j like shlex", (text, words) => {
    expect(splitShellWords(text)).toEqual(words);
  });
});
