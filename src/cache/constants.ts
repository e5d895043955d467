/**
 * The largest token cache file we read, in bytes (1 MiB). A real one is under 4 KiB; a bigger
 * file is not a token record, and refusing it early keeps a stray file from costing memory.
 */
export const MAX_TOKEN_FILE_BYTES = 1024 * 1024;

/**
 * Waits between reads of a file that is not (yet) whole JSON: about 100 ms in all. The AWS CLI
 * truncates and rewrites the file in place, so a reader can catch it half written.
 */
export const DEFAULT_READ_RETRY_DELAYS_MS: readonly number[] = [10, 20, 30, 40];

/** Mode of a token cache file we create: read and write for the owner only. */
export const TOKEN_FILE_MODE = 0o600;

/** Mode of a cache folder we create: the owner only. */
export const CACHE_DIR_MODE = 0o700;

/** How many symbolic links we follow from a cache path before calling it a loop (as Linux). */
export const MAX_SYMLINK_HOPS = 40;

/** The generic fix for a bad token file; the caller knows and prepends the exact command. */
export const LOG_IN_AGAIN = "Log in again to replace it.";
