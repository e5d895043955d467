import { homedir } from "node:os";
import { sep } from "node:path";

/**
 * The user's home folder, found the way the AWS SDK for JavaScript finds it: `HOME`, then
 * `USERPROFILE`, then `HOMEDRIVE` + `HOMEPATH` (`HOMEDRIVE` defaulting to `C:` and the path
 * separator), then `os.homedir()`. Empty variables count as unset.
 *
 * @param env - The environment to read. Default `process.env`.
 * @public
 */
export function getHomeDir(env: NodeJS.ProcessEnv = process.env): string {
  const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE } = env;

  if (HOME) return HOME;
  if (USERPROFILE) return USERPROFILE;
  if (HOMEPATH) return `${HOMEDRIVE || `C:${sep}`}${HOMEPATH}`;

  return homedir();
}
