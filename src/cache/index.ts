// The token cache file part: paths, timestamps, reading, validating and atomic writing.
export {
  CACHE_DIR_MODE,
  DEFAULT_READ_RETRY_DELAYS_MS,
  LOG_IN_AGAIN,
  MAX_SYMLINK_HOPS,
  MAX_TOKEN_FILE_BYTES,
  TOKEN_FILE_MODE,
} from "./constants.js";
export { ensureCacheDir } from "./ensureCacheDir.js";
export { formatTimestamp } from "./formatTimestamp.js";
export { getCacheDir, getTokenFilepath } from "./getTokenFilepath.js";
export { HIDDEN, describeRecord, hideSecrets } from "./hideSecrets.js";
export { mergeRefreshedToken } from "./mergeRefreshedToken.js";
export type { RefreshedToken } from "./mergeRefreshedToken.js";
export { newTokenRecord } from "./newTokenRecord.js";
export type { NewTokenRecordInput } from "./newTokenRecord.js";
export { parseJsonBytes } from "./parseJsonBytes.js";
export type { JsonParseResult } from "./parseJsonBytes.js";
export { parseTimestamp } from "./parseTimestamp.js";
export { readTokenFile } from "./readTokenFile.js";
export type { ReadTokenFileOptions } from "./readTokenFile.js";
export { findForeignOwner } from "./findForeignOwner.js";
export type { ForeignOwner } from "./findForeignOwner.js";
export { removeTokenFile } from "./removeTokenFile.js";
export { resolveSymlinkTarget } from "./resolveSymlinkTarget.js";
export { serializeTokenRecord } from "./serializeTokenRecord.js";
export { sweepStaleTempFiles } from "./sweepStaleTempFiles.js";
export { isTempFileName, tempFileName } from "./tempFileName.js";
export { TokenFile } from "./TokenFile.js";
export type { TokenFileStats } from "./TokenFile.js";
export { tokenFileInvalidError } from "./tokenFileInvalidError.js";
export { formatMode, tokenFilePermissionError } from "./tokenFilePermissionError.js";
export type { PathOwnership, TokenFileOperation } from "./tokenFilePermissionError.js";
export { validateTokenRecord } from "./validateTokenRecord.js";
export type { TokenFields } from "./validateTokenRecord.js";
export { writeTokenFile } from "./writeTokenFile.js";
export type { WriteTokenFileOptions } from "./writeTokenFile.js";
