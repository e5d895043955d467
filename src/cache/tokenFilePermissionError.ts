import { dirname } from "node:path";

import { SsoTokenProviderError } from "../errors/index.js";

/** What we tried to do with a token cache file. */
export type TokenFileOperation = "read" | "write" | "remove";

/** Owner and permission bits of the path that refused access, when they could be read. */
export interface PathOwnership {
  uid: number;
  /** `st.mode & 0o777` */
  mode: number;
}

/**
 * The error for EACCES/EPERM on a token cache file, code `TOKEN_FILE_PERMISSION`. It names the
 * path, its owner and mode (when known) and this process's uid, and says how to fix it.
 *
 * @param ownership of the file; omit it when even `stat` failed (then the folder is at fault).
 * @param processUid defaults to `process.geteuid()`; `null` where there is none (Windows),
 *   which also leaves out owner and mode, meaningless there.
 * @internal
 */
export function tokenFilePermissionError(
  filepath: string,
  operation: TokenFileOperation,
  cause: NodeJS.ErrnoException,
  ownership?: PathOwnership,
  processUid: number | null = process.geteuid?.() ?? null,
): SsoTokenProviderError {
  const code = cause.code ?? "EACCES";
  const who = processUid === null ? "" : ` as uid ${processUid}`;
  const what = `Cannot ${operation} the SSO token cache file ${filepath}${who} (${code}).`;

  let owner = "";
  if (processUid !== null) {
    owner = ownership
      ? ` The file belongs to uid ${ownership.uid} with mode ${formatMode(ownership.mode)}.`
      : ` Its folder ${dirname(filepath)} cannot be searched or changed by this user.`;
  }

  return new SsoTokenProviderError(`${what}${owner} ${permissionFix(filepath, processUid)}`, {
    code: "TOKEN_FILE_PERMISSION",
    cause,
  });
}

/** `0o600` -> `"0600"`. @internal */
export function formatMode(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, "0");
}

function permissionFix(filepath: string, processUid: number | null): string {
  if (processUid === null) {
    return `Give your account read and write access to ${filepath} and its folder.`;
  }

  const file = quoteForShell(filepath);
  const folder = quoteForShell(dirname(filepath));
  return (
    `Fix: \`sudo chown ${processUid} ${folder} ${file} && chmod 700 ${folder} && ` +
    `chmod 600 ${file}\`, or run as the file's owner.`
  );
}

// Home folders can hold spaces; the fix should paste into a shell as written.
function quoteForShell(value: string): string {
  return /^[\w@+.%:/=-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
