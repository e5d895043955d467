import { createHash } from "node:crypto";

import { checkWholeFile } from "./checkWholeFile.js";
import { layOutIni, type IniLayout } from "./layOutIni.js";

/** Enough for the files a process reads in practice; the oldest goes first. */
const MAX_ENTRIES = 8;

const layouts = new Map<string, IniLayout>();

/**
 * The line layout of a shared file's text, checked as a whole (see {@link checkWholeFile},
 * which throws for a file the SDKs cannot read as the AWS CLI does). Laying out and checking
 * every line costs milliseconds on a config of a hundred sections, so the last few results
 * are kept by path and a digest of the text: both are functions of the text alone, so a kept
 * one is never stale. The values always come from the SDK's loader afresh.
 *
 * @internal
 */
export function checkedLayout(filepath: string, text: string): IniLayout {
  const key = `${filepath}\u0000${createHash("sha256").update(text).digest("hex")}`;
  const known = layouts.get(key);
  if (known) return known;

  const layout = layOutIni(text);
  checkWholeFile(filepath, text, layout);
  layouts.set(key, layout);
  if (layouts.size > MAX_ENTRIES) layouts.delete(layouts.keys().next().value!);
  return layout;
}
