import { join } from "node:path";

import { ENV_CONFIG_FILE, ENV_CREDENTIALS_FILE } from "./constants.js";
import { getHomeDir } from "./getHomeDir.js";

/** The two shared files and where each path came from (for error messages). */
export interface ConfigFilepaths {
  configFilepath: string;
  /** "the configFilepath option", "AWS_CONFIG_FILE" or "the default location". */
  configSource: string;
  credentialsFilepath: string;
  /** "the filepath option", "AWS_SHARED_CREDENTIALS_FILE" or "the default location". */
  credentialsSource: string;
}

/** Options of {@link resolveConfigFilepaths}. */
export interface ResolveConfigFilepathsInit {
  /** The config file. Default `AWS_CONFIG_FILE`, else `~/.aws/config`. */
  configFilepath?: string;
  /** The credentials file. Default `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
  filepath?: string;
  /** The environment to read. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Finds the shared config and credentials files as the AWS SDKs do: the option, then the
 * environment variable, then the file under `<home>/.aws/` (home from {@link getHomeDir}).
 * Empty values count as unset. A leading `~` followed by `/` or `\` (or a lone `~`) is
 * replaced by the home folder; environment variables inside paths are not expanded (the AWS
 * CLI expands them, the SDKs do not).
 *
 * @public
 */
export function resolveConfigFilepaths(init: ResolveConfigFilepathsInit): ConfigFilepaths {
  const env = init.env ?? process.env;
  const home = () => getHomeDir(env);

  const config = pickPath([
    [init.configFilepath, "the configFilepath option"],
    [env[ENV_CONFIG_FILE], ENV_CONFIG_FILE],
  ]) ?? { path: join(home(), ".aws", "config"), source: "the default location" };

  const credentials = pickPath([
    [init.filepath, "the filepath option"],
    [env[ENV_CREDENTIALS_FILE], ENV_CREDENTIALS_FILE],
  ]) ?? { path: join(home(), ".aws", "credentials"), source: "the default location" };

  return {
    configFilepath: expandHome(config.path, home),
    configSource: config.source,
    credentialsFilepath: expandHome(credentials.path, home),
    credentialsSource: credentials.source,
  };
}

function pickPath(
  candidates: [string | undefined, string][],
): { path: string; source: string } | undefined {
  for (const [path, source] of candidates) {
    if (path) return { path, source };
  }
  return undefined;
}

function expandHome(path: string, home: () => string): string {
  if (path === "~") return home();
  if (path.startsWith("~/") || path.startsWith("~\\")) return join(home(), path.slice(2));

  return path;
}
