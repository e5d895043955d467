import { invalidConfig } from "./checkSsoSettings.js";
import type { IniLayout } from "./layOutIni.js";

/**
 * Refuses a file that the AWS SDKs cannot read as the AWS CLI does anywhere in it, whatever
 * profile is asked: one whose lines end in a lone carriage return (the CLI ends a line there,
 * the SDKs do not, so they see one long line), and one with a section the SDK's parser
 * refuses outright (`[__proto__]`), after which it reads nothing of the file.
 *
 * @throws SsoTokenProviderError SSO_CONFIG_INVALID naming the file, the line and the fix.
 * @internal
 */
export function checkWholeFile(filepath: string, text: string, layout: IniLayout): void {
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    const line = text.slice(0, loneCr.index).split("\n").length;
    throw invalidConfig([
      `${filepath}:${line}: a line ends with a lone carriage return (\\r, old Mac style). ` +
        "The AWS CLI ends lines there but the AWS SDKs do not, so they would read other " +
        "settings from this file.",
      "Convert its line endings to \\n (or \\r\\n), for example with `tr '\\r' '\\n'`.",
    ]);
  }

  if (layout.sdkRefused) {
    const { number, text: header } = layout.sdkRefused;
    throw invalidConfig([
      `${filepath}:${number}: the AWS SDKs refuse the section ${header.trim()} and then read ` +
        "nothing at all from this file.",
      "Rename or remove that section.",
    ]);
  }
}
