import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { loadSharedConfigFiles, loadSsoSessionData } from "@smithy/shared-ini-file-loader";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { configProfileName, sessionNameOf } from "../../src/config/findSections.js";
import { type IniSection, layOutIni } from "../../src/config/layOutIni.js";
import { scanIniLines } from "../../src/config/scanIniLines.js";

describe(scanIniLines.name, () => {
  it("labels each line as the AWS CLI and the SDK's loader take it", () => {
    const lines = scanIniLines(
      [
        "\uFEFF[profile dev] # note", // 1
        "sso_region = us-east-1 # prod", // 2
        "  continued", // 3
        "Output: json", // 4
        "# comment", // 5
        "s3 =", // 6
        "  addressing_style = path", // 7
        "[profile x] notes", // 8
        "junk", // 9
      ].join("\r\n"),
    );

    const summary = lines.map((l) => ({
      n: l.number,
      skipped: l.skipped,
      sdkHeader: l.sdkHeader,
      cliHeader: l.cliHeader,
      continuation: l.continuation,
      entry: l.entry && { ...l.entry },
    }));
    const entry = { empty: false, inlineComment: false, sdkNested: false, separator: "=" };
    expect(summary).toEqual([
      { n: 1, skipped: false, sdkHeader: true, cliHeader: "profile dev", continuation: false },
      {
        n: 2,
        skipped: false,
        sdkHeader: false,
        continuation: false,
        entry: { ...entry, name: "sso_region", inlineComment: true },
      },
      { n: 3, skipped: false, sdkHeader: false, continuation: true },
      {
        n: 4,
        skipped: false,
        sdkHeader: false,
        continuation: false,
        entry: { ...entry, name: "output", separator: ":" },
      },
      { n: 5, skipped: true, sdkHeader: false, continuation: false },
      {
        n: 6,
        skipped: false,
        sdkHeader: false,
        continuation: false,
        entry: { ...entry, name: "s3", empty: true },
      },
      {
        n: 7,
        skipped: false,
        sdkHeader: false,
        continuation: true,
        entry: { ...entry, name: "addressing_style", sdkNested: true },
      },
      { n: 8, skipped: false, sdkHeader: false, cliHeader: "profile x", continuation: false },
      { n: 9, skipped: false, sdkHeader: false, continuation: false },
    ]);
  });
});

// Pieces of config files, odd ones included, to compare our layout with the SDK's reading.
const HEADERS = [
  "[default]", "[profile default]", "[profile dev]", "[profile  dev]", "[profile 'dev']",
  "[profile \"a b\"]", "[profile.dev]", "[sso-session corp]", "[sso-session.corp]",
  "[sso-session \"corp\"]", "[services s]", "[profiles dev]", "[dev]", "[DEFAULT]",
  "[profile dev] # c", "[profile dev] x", "  [profile dev]", "[ profile dev ]", "[profile dev",
  "[profile constructor]", "[sso-session a@b+c.d%e:f/g_h]",
];
const LINES = [
  "sso_session = corp", "SSO_Region = us-east-1", "sso_start_url=https://x/start#/",
  "sso_region = eu-west-1 # c", "sso_region = ; c", "output: json", "a = b = c", "= x",
  "empty =", "  nested = 1", "\tnested_tab = 2", "  # indented comment", "; comment", "",
  "junk", "sso_account_id = 1", "  sso_role_name = R",
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...HEADERS), fc.constantFrom(...LINES)), { maxLength: 14 })
  .chain((lines) => fc.constantFrom("\n", "\r\n").map((eol) => lines.join(eol) + eol));

// Names of the section's plain settings, which the SDK's loader must file under it.
function plainSettings(section: IniSection): string[] {
  return section.lines.flatMap((line) => {
    const entry = line.entry;
    const plain =
      entry && entry.separator === "=" && !entry.empty && !entry.sdkNested && !line.continuation;
    return plain ? [entry.name] : [];
  });
}

function lowerKeys(record: Record<string, unknown> | undefined): string[] {
  return Object.keys(record ?? {}).map((key) => key.toLowerCase());
}

describe(layOutIni.name, () => {
  it("names sections and finds settings exactly where the SDK's loader does", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sso-config-layout-"));
    try {
      const samples = fc.sample(text, { numRuns: 300, seed: 2718 });
      for (const [index, body] of samples.entries()) {
        const file = join(dir, `config-${index}`);
        await writeFile(file, body);
        const layout = layOutIni(body);
        if (layout.sdkRefused) continue;

        const sdk = await loadSharedConfigFiles({
          configFilepath: file,
          filepath: file,
          ignoreCache: true,
        });
        const sessions = await loadSsoSessionData({ configFilepath: file });

        // The credentials file is the SDK's raw reading: every section under its own key.
        const rawKeys = new Set(layout.sections.map((s) => s.sdkKey));
        for (const key of Object.keys(sdk.credentialsFile)) expect(rawKeys).toContain(key);

        // The SDK drops [default] when [profile default] exists; we refuse that pair anyway.
        const dropped = layout.sections.some((s) => s.sdkKey === "profile.default");
        for (const section of layout.sections) {
          const profile = configProfileName(section);
          const session = sessionNameOf(section);
          if (dropped && section.sdkKey === "default") continue;
          if (profile === undefined && session === undefined) continue;

          const read = profile !== undefined ? sdk.configFile[profile] : sessions[`${session}`];
          const missing = plainSettings(section).filter((n) => !lowerKeys(read).includes(n));
          const where = { body, header: section.header.number };
          expect({ ...where, missing }).toEqual({ ...where, missing: [] });
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
