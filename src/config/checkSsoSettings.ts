import type { SsoTokenProviderError } from "../errors/index.js";
import { configError } from "./configError.js";
import type { ConfigValue, ConfigValues } from "./ConfigValue.js";
import { describeValueOddities } from "./describeValueOddities.js";
import { hasPythonSpace, pythonStrip } from "./pythonWhitespace.js";

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

/** `path:line` of a setting. @internal */
export function placeOf(value: ConfigValue): string {
  return `${value.filepath}:${value.line}`;
}

/** A SSO_CONFIG_INVALID error (never skippable by a chain). @internal */
export function invalidConfig(lines: readonly string[]): SsoTokenProviderError {
  return configError("SSO_CONFIG_INVALID", lines, { profileExplicit: true });
}

/**
 * Reads a setting that must be present and hold a single-line value.
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID when it is missing, empty, or has no value
 *   on its own line (botocore then reads the indented lines under it as nested settings).
 * @internal
 */
export function requireSetting(values: ConfigValues, key: string, owner: SettingsOwner): string {
  const setting = values.get(key);

  if (!setting) throw invalidConfig([`${owner.label} (${owner.place}) has no ${key}.`, owner.fix]);

  if (setting.value === "") {
    throw invalidConfig([`${key} in ${owner.label} (${placeOf(setting)}) is empty.`, owner.fix]);
  }

  if (setting.value.startsWith("\n")) {
    throw invalidConfig([
      `${key} in ${owner.label} (${placeOf(setting)}) has no value on its own line: the AWS ` +
        "CLI reads the indented lines under it as nested settings.",
      `Write the value on the same line: ${key} = VALUE.`,
    ]);
  }

  return setting.value;
}

/**
 * Checks `sso_region` as botocore checks region names (a DNS label such as `us-east-1`).
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID naming the value and, when it shows one,
 *   the likely cause (an inline comment, an indented next line, quotes).
 * @internal
 */
export function checkRegion(values: ConfigValues, owner: SettingsOwner): string {
  const region = requireSetting(values, "sso_region", owner);
  if (REGION_NAME.test(region)) return region;

  const setting = values.get("sso_region") as ConfigValue;
  throw invalidConfig([
    `sso_region in ${owner.label} (${placeOf(setting)}) is ${JSON.stringify(region)}, ` +
      "which is not a region name.",
    ...describeValueOddities("sso_region", region),
    "Write a region name such as us-east-1.",
  ]);
}

/**
 * Checks `sso_start_url`: one word, not quoted. The scheme and host are not checked, as the
 * AWS CLI does not check them either (test setups use `http://127.0.0.1:PORT/start`).
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID naming the value and the likely cause.
 * @internal
 */
export function checkStartUrl(values: ConfigValues, owner: SettingsOwner): string {
  const startUrl = requireSetting(values, "sso_start_url", owner);
  if (!hasPythonSpace(startUrl) && !/^["']|["']$/.test(startUrl)) return startUrl;

  const setting = values.get("sso_start_url") as ConfigValue;
  throw invalidConfig([
    `sso_start_url in ${owner.label} (${placeOf(setting)}) is ${JSON.stringify(startUrl)}, ` +
      "which cannot be a start URL (it holds spaces or quotes).",
    ...describeValueOddities("sso_start_url", startUrl),
    "Write the URL alone, e.g. sso_start_url = https://my-sso-portal.awsapps.com/start.",
  ]);
}

/**
 * Reads `sso_registration_scopes` as the AWS CLI does: split on commas, each trimmed, empty
 * ones dropped (so an empty value gives `[]`). Undefined when the setting is absent.
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID when a scope holds a space (a scope such
 *   as `sso:account:access` never does; an inline comment or indented line usually does).
 * @internal
 */
export function readScopes(values: ConfigValues, owner: SettingsOwner): string[] | undefined {
  const setting = values.get("sso_registration_scopes");
  if (!setting) return undefined;

  const scopes = setting.value
    .split(",")
    .map(pythonStrip)
    .filter((scope) => scope !== "");

  const bad = scopes.find((scope) => hasPythonSpace(scope));
  if (bad === undefined) return scopes;

  throw invalidConfig([
    `sso_registration_scopes in ${owner.label} (${placeOf(setting)}) has the scope ` +
      `${JSON.stringify(bad)}, which holds a space.`,
    ...describeValueOddities("sso_registration_scopes", setting.value),
    "Separate scopes with commas, e.g. sso_registration_scopes = sso:account:access.",
  ]);
}
