import { readFile, stat } from "node:fs/promises";

import { MAX_CONFIG_FILE_BYTES } from "./constants.js";

/** The outcome of {@link readConfigFile}. */
export type ConfigFileRead =
  | { status: "ok"; text: string }
  | { status: "missing"; cause: unknown }
  | { status: "unreadable"; reason: string; cause?: unknown };

/**
 * Reads a shared config or credentials file ourselves, so that a missing file, a permission
 * problem and an empty file stay distinct (the SDK's loaders turn every failure into an
 * empty result). Only regular files up to {@link MAX_CONFIG_FILE_BYTES} are read: a folder,
 * a FIFO or a device is "unreadable" (the AWS CLI calls all of those "not found").
 *
 * Bytes that are not UTF-8 become U+FFFD; the AWS CLI would refuse such a file. Never throws.
 *
 * @internal
 */
export async function readConfigFile(path: string): Promise<ConfigFileRead> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { status: "unreadable", reason: "it is a folder, not a file" };
    if (!info.isFile()) return { status: "unreadable", reason: "it is not a regular file" };
    size = info.size;
  } catch (error) {
    return describeFailure(error);
  }

  if (size > MAX_CONFIG_FILE_BYTES) {
    const limit = `${MAX_CONFIG_FILE_BYTES / (1024 * 1024)} MiB`;
    const reason = `it is larger than ${limit}, too big for a config file`;
    return { status: "unreadable", reason };
  }

  try {
    return { status: "ok", text: await readFile(path, "utf8") };
  } catch (error) {
    return describeFailure(error);
  }
}

function describeFailure(error: unknown): ConfigFileRead {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;

  if (code === "ENOENT" || code === "ENOTDIR") return { status: "missing", cause: error };

  if (code === "EACCES" || code === "EPERM") {
    return {
      status: "unreadable",
      reason: `permission denied (${code}) for this user`,
      cause: error,
    };
  }

  const detail = error instanceof Error ? error.message : String(error);
  return { status: "unreadable", reason: detail, cause: error };
}
