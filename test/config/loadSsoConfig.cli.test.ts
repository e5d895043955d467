import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { loadSsoConfig } from "../../src/config/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { cliOracleAvailable, runCliOracle } from "./cliOracle.js";
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
  "output = json",
  "junk line",
  "# comment",
  "",
];

const configText = fc
  .array(
    fc.tuple(
      fc.constantFrom(...HEADERS),
      fc.array(fc.constantFrom(...SETTINGS), { maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((blocks) => blocks.map(([h, lines]) => [h, ...lines].join("\n")).join("\n") + "\n");

const ask = fc.constantFrom(
  { profile: "dev" },
  { profile: "default" },
  { ssoSession: "corp" },
  { ssoSession: "other" },
);

type Ours = { ok: { startUrl: string; region: string; sessionName?: string } } | { code: string };

describe.skipIf(!cliOracleAvailable())("loadSsoConfig against the AWS CLI's own reading", () => {
  it("never resolves a profile or session to anything the CLI would not", async () => {
    const samples = fc.sample(fc.tuple(configText, ask), { numRuns: 400, seed: 424242 });
    const dir = await mkdtemp(join(tmpdir(), "sso-config-oracle-"));

    try {
      const ours: Ours[] = [];
      const requests = [];
      for (const [index, [text, question]] of samples.entries()) {
        const config = join(dir, `config-${index}`);
        await writeFile(config, text);
        requests.push({ config, credentials: null, profile: null, ssoSession: null, ...question });
        ours.push(await resolveOurs(config, join(dir, "none"), question));
      }

      const theirs = runCliOracle<CliClaim[]>({ mode: "resolve", cases: requests });
      const disagreements = samples
        .map(([text, question], i) => ({ text, question, ours: ours[i], cli: theirs[i] }))
        .filter((row) => !compatible(row.ours as Ours, row.cli as CliClaim));

      expect(disagreements).toEqual([]);
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

// Our rule set allows refusing more than the CLI does (value checks, repeats, conflicts), and
// reading files the CLI refuses when the problem is elsewhere; it never allows a different
// reading, nor a missing section where the CLI has one.
function compatible(ours: Ours, cli: CliClaim): boolean {
  if ("ok" in ours) {
    if (cli.outcome === "refuses-file") return true;
    return (
      cli.outcome === "ok" &&
      cli.startUrl === ours.ok.startUrl &&
      cli.region === ours.ok.region &&
      (cli.sessionName === undefined || cli.sessionName === ours.ok.sessionName)
    );
  }

  const allowed: Record<CliClaim["outcome"], string[]> = {
    ok: ["SSO_CONFIG_INVALID"],
    "refuses-file": [
      "SSO_CONFIG_INVALID",
      "PROFILE_NOT_FOUND",
      "PROFILE_NOT_SSO",
      "SSO_SESSION_NOT_FOUND",
    ],
    "profile-not-found": ["PROFILE_NOT_FOUND"],
    "session-not-found": ["SSO_SESSION_NOT_FOUND", "SSO_CONFIG_INVALID"],
    "not-sso": ["PROFILE_NOT_SSO", "SSO_CONFIG_INVALID"],
    incomplete: ["SSO_CONFIG_INVALID"],
  };
  return allowed[cli.outcome].includes(ours.code);
}
