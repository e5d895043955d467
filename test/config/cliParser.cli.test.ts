import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { IniDocument } from "../../src/config/IniDocument.js";
import { parseIniText } from "../../src/config/parseIniText.js";
import { splitShellWords } from "../../src/config/splitShellWords.js";
import { cliOracleAvailable, runCliOracle } from "./cliOracle.js";

type RawAnswer =
  | { sections: Record<string, Record<string, string | { __nested__: Record<string, string> }>> }
  | { error: string };

// Lines chosen to hit every rule where configparser and a naive INI reader differ.
const LINES = [
  "[profile dev]",
  "[ profile dev ]",
  "[profile  dev ]",
  "[sso-session corp]",
  "[sso-session  a@b+c.d%e:f/g ]",
  "[DEFAULT]",
  "[default]",
  "[profile \"a b\"]",
  "[profile dev] # trailing",
  "[profile dev",
  "[a]b]",
  "sso_region = us-east-1",
  "sso_region=eu-west-1 # comment",
  "SSO_Start_URL: https://x.awsapps.com/start",
  "sso_start_url = https://y.awsapps.com/start ; note",
  "key =",
  "  indented = value",
  "\tsso_region = tab-indented",
  "    continued text",
  "  # indented comment",
  "# comment",
  "; comment",
  "junk line",
  "= no name",
  ": no name",
  "k = v = w",
  "",
  "   ",
  "s3 =",
  "   max_concurrent_requests = 10",
  "x\u00a0=\u00a0nbsp",
  "\u3000wide-indented = 1",
  "  [profile indented]",
  "[]",
  "[profile 'unclosed]",
  "k\t=\tv",
  "\x1cctl = 1",
  "v = \x85x\x85",
  "[sso-session \u2028x]",
  "\ufeffk = bom-inside",
];

const document = fc
  .tuple(
    fc.array(fc.constantFrom(...LINES), { maxLength: 14 }),
    fc.array(fc.constantFrom("\n", "\r\n", "\r"), { minLength: 14, maxLength: 14 }),
    fc.boolean(),
  )
  .map(([lines, endings, finalNewline]) => {
    const body = lines.map((line, i) => line + (endings[i] ?? "\n")).join("");
    return finalNewline || lines.length === 0 ? body : body.replace(/(\r\n|\r|\n)$/, "");
  });

// What botocore's raw_config_parse would return for our reading, or "error" where the CLI
// refuses the file.
function asRawConfig(doc: IniDocument): RawAnswer {
  const headers = doc.sections.map((s) => s.header);
  if (doc.problems.length > 0 || new Set(headers).size !== headers.length) {
    return { error: "any" };
  }

  const sections: Record<string, Record<string, string | { __nested__: Record<string, string> }>> =
    {};
  for (const section of doc.sections) {
    const entries = [...(doc.defaults?.options.values() ?? []), ...section.options.values()];
    const options: Record<string, string | { __nested__: Record<string, string> }> = {};
    for (const option of entries) {
      options[option.name] = option.value.startsWith("\n")
        ? { __nested__: nested(option.value) }
        : option.value;
    }
    sections[section.header] = options;
  }
  return { sections };
}

function nested(value: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const line of value.split("\n").map((l) => l.trim()).filter((l) => l !== "")) {
    const at = line.indexOf("=");
    pairs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return pairs;
}

describe.skipIf(!cliOracleAvailable())("parseIniText against the AWS CLI's own parser", () => {
  it("reads 600 generated files exactly as botocore's raw_config_parse does", () => {
    const texts = fc.sample(document, { numRuns: 600, seed: 20260901 });
    const answers = runCliOracle<RawAnswer[]>({ mode: "raw", texts });

    texts.forEach((text, i) => {
      const ours = asRawConfig(parseIniText(text));
      const theirs = answers[i] as RawAnswer;
      const normalised = "error" in theirs ? { error: "any" } : theirs;
      expect(ours, JSON.stringify(text)).toEqual(normalised);
    });
  });
});

const HEADER_PARTS = ["profile", "sso-session", "dev", " ", "\t", '"', "'", "\\", "a b", "#", "x"];
const header = fc
  .array(fc.constantFrom(...HEADER_PARTS), { maxLength: 10 })
  .map((parts) => parts.join(""));

describe.skipIf(!cliOracleAvailable())("splitShellWords against Python's shlex.split", () => {
  it("splits 1000 generated headers exactly as shlex does", () => {
    const texts = fc.sample(header, { numRuns: 1000, seed: 7 });
    const answers = runCliOracle<(string[] | null)[]>({ mode: "shlex", texts });

    texts.forEach((text, i) => {
      expect(splitShellWords(text) ?? null, JSON.stringify(text)).toEqual(answers[i]);
    });
  });
});
