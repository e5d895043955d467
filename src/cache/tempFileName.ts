import { randomBytes } from "node:crypto";

// `.<target name>.<pid>.<12 hex digits>.tmp`: hidden, and never `*.json`, so that no AWS tool
// takes it for a cache file.
const TEMP_FILE_NAME = /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * A fresh name for the temporary file written beside `targetName` before it is renamed over
 * it: `.<targetName>.<pid>.<random>.tmp`.
 *
 * @internal
 */
export function tempFileName(targetName: string): string {
  return `.${targetName}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
}

/** Whether a folder entry is named like one of our temporary files. @internal */
export function isTempFileName(name: string): boolean {
  return TEMP_FILE_NAME.test(name);
}
