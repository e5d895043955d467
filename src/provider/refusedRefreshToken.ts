import { createHash } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";

import type { TokenFile } from "../cache/index.js";

/**
 * Remembers, beside a cache file, that the service refused its refresh token with
 * `invalid_grant` and no other writer replaced it: `<file>.refused`, holding a SHA-256 digest
 * of that refresh token (never the token). A process that takes the lock next reads it and
 * skips a CreateToken that can only be refused.
 *
 * Why: a refresh token that is dead stays dead (the session ended, or a process was killed
 * after the service rotated it). Without the note, every waiting process would take the lock
 * in turn, be refused, and watch the file for another writer for a few seconds, so the later
 * ones would time out waiting for the lock with a misleading message instead of being told
 * to log in. The note names one refresh token, so a login that writes a new one makes it
 * irrelevant; a successful refresh removes it.
 *
 * @internal
 */
export async function rememberRefusedRefreshToken(
  filepath: string,
  file: TokenFile,
): Promise<void> {
  if (file.refreshToken === undefined) return;
  const note = JSON.stringify({ refreshTokenSha256: digest(file.refreshToken) });
  await writeFile(notePath(filepath), `${note}\n`, { mode: 0o600 });
}

/** Whether the refresh token in `file` is the one noted as refused. Never throws. @internal */
export async function isRefreshTokenRefused(filepath: string, file: TokenFile): Promise<boolean> {
  if (file.refreshToken === undefined) return false;
  try {
    const note = JSON.parse(await readFile(notePath(filepath), "utf8")) as Record<string, unknown>;
    return note.refreshTokenSha256 === digest(file.refreshToken);
  } catch {
    return false;
  }
}

/** Removes the note, if any. Never throws. @internal */
export async function forgetRefusedRefreshToken(filepath: string): Promise<void> {
  await rm(notePath(filepath), { force: true }).catch(() => undefined);
}

function notePath(filepath: string): string {
  return `${filepath}.refused`;
}

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
