import type { SsoTokenProviderError } from "../errors/index.js";
import { configError } from "./configError.js";
import { describeQuotes } from "./describeQuotes.js";
import type { Setting, Settings } from "./readSettings.js";

/** Whose settings are being checked, for messages. */
export interface SettingsOwner {
  /** How messages name it, e.g. `[sso-session corp]` or `[profile dev]`. */
  label: string;
  /** Its file and header line, e.g. `/home/u/.aws/config:4`. */
  place: string;
  /** What to do when a required setting is missing or empty. */
  fix: string;
}

// botocore's check of region names: a DNS label, not all digits.
const REGION_NAME = /^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{1,63}(?<!-)$/;

/** `path:line` of a setting, or its path when the line is not known. @internal */
export function placeOf(setting: Setting): string {
  return setting.line === undefined ? setting.filepath : `${setting.filepath}:${setting.line}`;
}

/** A SSO_CONFIG_INVALID error (never skippable by a chain). @internal */
export function invalidConfig(lines: readonly string[]): SsoTokenProviderError {
  return configError("SSO_CONFIG_INVALID", lines, { profileExplicit: true });
}

/**
 * Reads a setting that must be present and not empty.
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID when it is missing or empty.
 * @internal
 */
export function requireSetting(settings: Settings, key: string, owner: SettingsOwner): Setting {
  const setting = settings.get(key);

  if (!setting) throw invalidConfig([`${owner.label} (${owner.place}) has no ${key}.`, owner.fix]);

  if (setting.value === "") {
    throw invalidConfig([`${key} in ${owner.label} (${placeOf(setting)}) is empty.`, owner.fix]);
  }

  return setting;
}

/**
 * Checks `sso_region` as botocore checks region names (a DNS label such as `us-east-1`).
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID naming the value.
 * @internal
 */
export function checkRegion(settings: Settings, owner: SettingsOwner): string {
  const setting = requireSetting(settings, "sso_region", owner);
  if (REGION_NAME.test(setting.value)) return setting.value;

  throw invalidConfig([
    `sso_region in ${owner.label} (${placeOf(setting)}) is ${JSON.stringify(setting.value)}, ` +
      "which is not a region name.",
    ...describeQuotes(setting.value),
    "Write a region name such as us-east-1.",
  ]);
}

/**
 * Checks `sso_start_url`: one word, not quoted. The scheme and host are not checked, as the
 * AWS CLI does not check them either (test setups use `http://127.0.0.1:PORT/start`).
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID naming the value.
 * @internal
 */
export function checkStartUrl(settings: Settings, owner: SettingsOwner): Setting {
  const setting = requireSetting(settings, "sso_start_url", owner);
  if (!/\s/.test(setting.value) && !/^["']|["']$/.test(setting.value)) return setting;

  throw invalidConfig([
    `sso_start_url in ${owner.label} (${placeOf(setting)}) is ` +
      `${JSON.stringify(setting.value)}, which cannot be a start URL (it holds spaces or quotes).`,
    ...describeQuotes(setting.value),
    "Write the URL alone, e.g. sso_start_url = https://my-sso-portal.awsapps.com/start.",
  ]);
}

/**
 * Reads `sso_registration_scopes` as the AWS CLI does: split on commas, each trimmed, empty
 * ones dropped (so an empty value gives `[]`). Undefined when the setting is absent.
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID when a scope holds a space (a scope such
 *   as `sso:account:access` never does).
 * @internal
 */
export function readScopes(settings: Settings, owner: SettingsOwner): string[] | undefined {
  const setting = settings.get("sso_registration_scopes");
  if (!setting) return undefined;

  const scopes = setting.value
    .split(",")
    .map((scope) => scope.trim())
    .filter((scope) => scope !== "");

  const bad = scopes.find((scope) => /\s/.test(scope));
  if (bad === undefined) return scopes;

  throw invalidConfig([
    `sso_registration_scopes in ${owner.label} (${placeOf(setting)}) has the scope ` +
      `${JSON.stringify(bad)}, which holds a space.`,
    "Separate scopes with commas, e.g. sso_registration_scopes = sso:account:access.",
  ]);
}
