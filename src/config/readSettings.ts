import type { IniSection } from "./layOutIni.js";
import type { IniLine } from "./scanIniLines.js";
import type { SdkSection, SharedFile } from "./SharedFiles.js";

/** One setting as finally read, with where it is written (for messages). */
export interface Setting {
  value: string;
  /** The file that sets it. */
  filepath: string;
  /** 1-based line of the entry, when it can be pointed at. */
  line?: number;
}

/** One file's part of a profile or session: the SDK's values and the lines behind them. */
export interface SettingsLayer {
  file: SharedFile;
  /** The section as the SDK's loader returned it; undefined when it has no settings. */
  sdk: SdkSection | undefined;
  sections: readonly IniSection[];
}

/** The settings of a profile or session, looked up by lower-case name. */
export interface Settings {
  get(key: string): Setting | undefined;
}

/**
 * Settings of a profile or session from the SDK loader's values, later layers over earlier
 * ones (pass the config file, then the credentials file, as the AWS CLI and the SDKs merge
 * them). Two differences from a plain lookup, both to read what the AWS CLI reads:
 *
 * - names are matched in any case (`SSO_Region` is `sso_region`), as the CLI lower-cases them
 *   while the SDK keeps them as written;
 * - a `name =` line with nothing after it is an empty value (`""`), as in the CLI; the SDK
 *   leaves such a name out.
 *
 * Call it only after {@link describeSectionProblems} found nothing: a name set twice (in any
 * case) is refused there.
 *
 * @internal
 */
export function readSettings(layers: readonly SettingsLayer[]): Settings {
  return {
    get(key) {
      for (const layer of [...layers].reverse()) {
        const found = fromLayer(layer, key);
        if (found) return found;
      }
      return undefined;
    },
  };
}

function fromLayer(layer: SettingsLayer, key: string): Setting | undefined {
  const filepath = layer.file.filepath;
  const line = entryLine(layer.sections, key);

  const name = layer.sdk && Object.keys(layer.sdk).find((k) => k.toLowerCase() === key);
  const value = name === undefined ? undefined : layer.sdk?.[name];
  if (value !== undefined) return { value, filepath, ...(line && { line: line.number }) };

  if (line?.entry?.empty) return { value: "", filepath, line: line.number };
  return undefined;
}

// The line that sets `key` as a plain setting (not nested, not a continuation), if any.
function entryLine(sections: readonly IniSection[], key: string): IniLine | undefined {
  const lines = sections.flatMap((section) => section.lines);
  return lines.findLast(
    (line) =>
      line.entry?.name === key &&
      line.entry.separator === "=" &&
      !line.entry.sdkNested &&
      !line.continuation,
  );
}
