import { readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";

/**
 * Removes the AWS CLI's cached role credentials that came from SSO: files
 * `~/.aws/cli/cache/*.json` whose `ProviderType` is `sso`, as `aws sso logout` does, so the
 * CLI stops using them after a full logout. Other files there are left alone.
 *
 * @returns the paths removed.
 * @internal
 */
export async function removeCliSsoCredentials(homeDir: string): Promise<string[]> {
  const folder = join(homeDir, ".aws", "cli", "cache");
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }

  const removed: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith(".json"))) {
    const path = join(folder, name);
    try {
      const record = JSON.parse(await readFile(path, "utf8")) as { ProviderType?: unknown };
      if (record?.ProviderType !== "sso") continue;
      await unlink(path);
      removed.push(path);
    } catch {
      // Not ours to judge: an unreadable or foreign file stays.
    }
  }
  return removed;
}
