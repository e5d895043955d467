import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of the config fixtures. */
export const FIXTURE_DIR = fileURLToPath(new URL("../../fixtures/config/", import.meta.url));

/** What the AWS CLI makes of a case's files (see `_format` in cases.json). */
export interface CliClaim {
  outcome:
    | "ok"
    | "refuses-file"
    | "profile-not-found"
    | "session-not-found"
    | "not-sso"
    | "incomplete";
  startUrl?: string;
  region?: string;
  sessionName?: string;
}

/** One entry of fixtures/config/cases.json. */
export interface FixtureCase {
  name: string;
  file: string;
  credentials?: string;
  profile?: string;
  ssoSession?: string;
  profileExplicit?: boolean;
  note?: string;
  expect:
    | { config: Record<string, unknown> }
    | { error: { code: string; tryNextLink?: boolean; messageIncludes: string[] } };
  cli?: CliClaim;
}

/** Every case of fixtures/config/cases.json. */
export function loadFixtureCases(): FixtureCase[] {
  const raw = JSON.parse(readFileSync(`${FIXTURE_DIR}cases.json`, "utf8")) as {
    cases: FixtureCase[];
  };
  return raw.cases;
}

/** Replaces {config} and {credentials} in every string of a JSON-like value. */
export function fillPlaceholders<T>(value: T, paths: { config: string; credentials: string }): T {
  const json = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string"
      ? v.replaceAll("{config}", paths.config).replaceAll("{credentials}", paths.credentials)
      : v,
  );
  return JSON.parse(json) as T;
}
