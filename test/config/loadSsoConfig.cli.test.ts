import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import fc from "fast-check";
import { describe, expect } from "vitest";

import { loadSsoConfig } from "../../src/config/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { itWithBotocore, runCliOracle } from "./cliOracle.js";
import type { CliClaim } from "./fixtureCases.js";

// Building blocks of config files around one profile ("dev" or "default") and two sessions,
// written in the ways people actually get them right and wrong.
const HEADERS = [
  "[profile dev]",
  "[profile  dev ]",
  "[ profile dev]",
  "[profile \"dev\"]",
  "[Profile dev]",
  "[dev]",
  "[default]",
  "[profile default]",
  "[sso-session corp]",
  "[sso-session  corp ]",
  "[sso-session \"corp\"]",
  "[sso_session corp]",
  "[sso-session other]",
  "[DEFAULT]",
  "[profile dev] (work)",
  "[profile.dev]",
  "[sso-session.corp]",
  "  [profile dev]",
];
const SETTINGS = [
  "sso_session = corp",
  "sso_session = other",
  "SSO_Session: corp",
  "sso_session = corp # main",
  "sso_session =",
  "sso_start_url = https://a.example/start",
  "sso_start_url = https://b.example/start",
  "SSO_START_URL = https://a.example/start",
  "sso_region = us-east-1",
  "sso_region: eu-west-1",
  "sso_region = us-west-2 ; note",
  "  sso_region = ap-south-1",
  "sso_region =",
  "sso_account_id = 111122223333",
  "cli_pager =",
  "  cli_pager =",
  "  sso_session = corp",
  "output = json",
  "junk line",
  "# comment",
  "",
];

const blocks = fc
  .array(
    fc.tuple(
      fc.constantFrom(...HEADERS),
      fc.array(fc.constantFrom(...SETTINGS), { maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.map(([h, lines]) => [h, ...lines].join("\n")).join("\n") + "\n");

// A working file with a few lines replaced, inserted or indented, so that most samples are
// close to something that resolves.
const WORKING = [
  "[default]",
  "sso_session = other",
  "[profile dev]",
  "sso_session = corp",
  "sso_account_id = 111122223333",
  "[sso-session corp]",
  "sso_start_url = https://a.example/start",
  "sso_region = us-east-1",
  "[sso-session other]",
  "sso_start_url = https://b.example/start",
  "sso_region = eu-west-1",
];
const edit = fc.tuple(
  fc.constantFrom("replace", "insert", "indent"),
  fc.nat(WORKING.length),
  fc.constantFrom(...HEADERS, ...SETTINGS),
);
const edited = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
  const lines = [...WORKING];
  for (const [kind, at, piece] of edits) {
    if (kind === "insert") lines.splice(at, 0, piece);
    else if (kind === "replace") lines[Math.min(at, lines.length - 1)] = piece;
    else lines[Math.min(at, lines.length - 1)] = `  ${lines[Math.min(at, lines.length - 1)]}`;
  }
  return lines.join("\n") + "\n";
});

const configText = fc.oneof(blocks, edited);

// Credentials files, which name profiles without the word profile; none at all half the time.
const CREDENTIALS_HEADERS = ["[dev]", "[default]", "[profile dev]", "[ dev]", "[Dev]", "[DEFAULT]"];
const credentialsText = fc.option(
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...CREDENTIALS_HEADERS),
        fc.array(fc.constantFrom(...SETTINGS), { maxLength: 3 }),
      ),
      { minLength: 1, maxLength: 2 },
    )
    .map((parts) => parts.map(([h, lines]) => [h, ...lines].join("\n")).join("\n") + "\n"),
  { freq: 2 },
);

const ask = fc.constantFrom(
  { profile: "dev" },
  { profile: "default" },
  { ssoSession: "corp" },
  { ssoSession: "other" },
);

type Ours = { ok: { startUrl: string; region: string; sessionName?: string } } | { code: string };

const it = itWithBotocore();

describe("loadSsoConfig against the AWS CLI's own reading", () => {
  // The SDK's loader gives the values; our checks must refuse wherever the CLI, which wrote
  // the file, would read something else. Refusing more than the CLI is allowed.
  it("never resolves a profile or session to anything the CLI would not", async () => {
    const samples = fc.sample(fc.tuple(configText, credentialsText, ask), {
      numRuns: 400,
      seed: 424242,
    });
    const dir = await mkdtemp(join(tmpdir(), "sso-config-oracle-"));

    try {
      const ours: Ours[] = [];
      const requests = [];
      for (const [index, [text, credentialsBody, question]] of samples.entries()) {
        const config = join(dir, `config-${index}`);
        const credentials = join(dir, `credentials-${index}`);
        await writeFile(config, text);
        if (credentialsBody !== null) await writeFile(credentials, credentialsBody);
        const asked = { profile: null, ssoSession: null, ...question };
        requests.push({ config, credentials, ...asked });
        ours.push(await resolveOurs(config, credentials, question));
      }

      const theirs = runCliOracle<CliClaim[]>({ mode: "resolve", cases: requests });
      const rows = samples.map(([text, credentials, question], i) => ({
        text,
        credentials,
        question,
        ours: ours[i] as Ours,
        cli: theirs[i] as CliClaim,
      }));

      expect(rows.filter((row) => !compatible(row.ours, row.cli))).toEqual([]);
      // Not vacuous: many generated files do resolve, on both sides.
      expect(rows.filter((row) => "ok" in row.ours).length).toBeGreaterThan(40);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function resolveOurs(config: string, credentials: string, question: object): Promise<Ours> {
  try {
    const files = { configFilepath: config, filepath: credentials, env: {} };
    const { startUrl, region, sessionName } = await loadSsoConfig({ ...files, ...question });
    return { ok: { startUrl, region, sessionName } };
  } catch (error) {
    if (error instanceof SsoTokenProviderError) return { code: error.code };
    throw error;
  }
}

// What we resolve, the CLI resolves to the same start URL, region and session; or the CLI
// refuses the whole file for a problem outside what was resolved, which we ignore as the
// SDKs do (see loadSsoConfig). Any error of ours is allowed: we refuse more than the CLI.
function compatible(ours: Ours, cli: CliClaim): boolean {
  if (!("ok" in ours) || cli.outcome === "refuses-file") return true;

  return (
    cli.outcome === "ok" &&
    cli.startUrl === ours.ok.startUrl &&
    cli.region === ours.ok.region &&
    (cli.sessionName === undefined || cli.sessionName === ours.ok.sessionName)
  );
}
