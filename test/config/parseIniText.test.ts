import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { IniDocument } from "../../src/config/IniDocument.js";
import { parseIniText } from "../../src/config/parseIniText.js";

function valuesOf(doc: IniDocument, header: string): Record<string, string> {
  const section = doc.sections.find((s) => s.header === header);
  return Object.fromEntries([...(section?.options.values() ?? [])].map((o) => [o.name, o.value]));
}

describe(parseIniText.name, () => {
  it("ends lines at \\r\\n, \\r and \\n", () => {
    const doc = parseIniText("[a]\r\nx = 1\ry = 2\nz = 3");
    expect(valuesOf(doc, "a")).toEqual({ x: "1", y: "2", z: "3" });
  });

  it("drops a leading byte order mark", () => {
    expect(valuesOf(parseIniText("\uFEFF[a]\nx = 1\n"), "a")).toEqual({ x: "1" });
  });

  it("keeps inline comments in values and skips full-line comments", () => {
    const doc = parseIniText("# top\n[a]\n; c\nx = 1 # one\n  # indented\ny = 2 ; two\n");
    expect(valuesOf(doc, "a")).toEqual({ x: "1 # one", y: "2 ; two" });
    expect(doc.problems).toEqual([]);
  });

  it("splits at the first = or :, lower-cases names and strips around them", () => {
    const doc = parseIniText("[a]\n  Key_One\t=\tv=w  \nKEY_TWO: https://x:1/\n");
    expect(valuesOf(doc, "a")).toEqual({ key_one: "v=w", key_two: "https://x:1/" });
    expect(doc.sections[0]?.options.get("key_one")?.rawName).toBe("Key_One");
  });

  it("continues a value with deeper-indented lines, across blank lines", () => {
    const doc = parseIniText("[a]\nx = 1\n  more\n\n\ty = 2\nz = 3\n\n");
    expect(valuesOf(doc, "a")).toEqual({ x: "1\nmore\n\ny = 2", z: "3" });
  });

  it("takes a header verbatim up to its last ], ignoring what follows", () => {
    const doc = parseIniText("[ profile dev ]\n[profile x] # note\n[a]b] tail\n");
    expect(doc.sections.map((s) => s.header)).toEqual([" profile dev ", "profile x", "a]b"]);
  });

  it("gives [DEFAULT] entries to the document once, merged across its headers", () => {
    const doc = parseIniText("[DEFAULT]\nx = 1\n[a]\n[DEFAULT]\ny = 2\n");
    expect([...(doc.defaults?.options.keys() ?? [])]).toEqual(["x", "y"]);
    expect(doc.sections.map((s) => s.header)).toEqual(["a"]);
  });

  it("keeps repeated sections apart, with their lines", () => {
    const doc = parseIniText("[a]\nx = 1\n[a]\nx = 2\n");
    expect(doc.sections.map((s) => [s.header, s.line])).toEqual([
      ["a", 1],
      ["a", 3],
    ]);
  });

  it("lists what the AWS CLI would refuse, with line numbers", () => {
    const doc = parseIniText("stray = 1\n[a]\nnot a setting\n= v\nx = 1\nx = 2\ns3 =\n  junk\n");
    expect(doc.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, "text above the first [section] header"],
      [3, "not a `name = value` line"],
      [4, 'no name before "="'],
      [6, '"x" is set again (first set on line 5)'],
      [
        7,
        'the indented lines under "s3 =" are read as nested settings, and one of them has no "="',
      ],
    ]);
  });

  it("accepts nested settings whose lines all hold =", () => {
    const doc = parseIniText("[a]\ns3 =\n  max = 10\n  style = path\n");
    expect(doc.problems).toEqual([]);
    expect(valuesOf(doc, "a")).toEqual({ s3: "\nmax = 10\nstyle = path" });
  });

  it("never throws, whatever the text", () => {
    const text = fc.string({ unit: "binary", maxLength: 300 });
    const iniish = fc
      .array(fc.constantFrom("[", "]", "=", ":", "#", ";", " ", "\t", "\r", "\n", "a", "\uFEFF"), {
        maxLength: 200,
      })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(fc.oneof(text, iniish), (input) => {
        const doc = parseIniText(input);
        expect(Array.isArray(doc.sections)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
