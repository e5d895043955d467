import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A temporary folder for one test, with a helper to write files into it. */
export interface TempFolder {
  path: string;
  /** Writes `text` to `relative` inside the folder (creating folders) and returns its path. */
  write(relative: string, text: string | Buffer): Promise<string>;
  remove(): Promise<void>;
}

/** Creates a fresh folder under the OS temp folder. */
export async function makeTempFolder(): Promise<TempFolder> {
  const path = await mkdtemp(join(tmpdir(), "sso-config-test-"));

  return {
    path,
    async write(relative, text) {
      const file = join(path, relative);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

/** A config with one SSO profile "dev" using session "corp" in the given region. */
export function sessionConfig(region = "us-east-1"): string {
  return [
    "[profile dev]",
    "sso_session = corp",
    "",
    "[sso-session corp]",
    "sso_start_url = https://corp.awsapps.com/start",
    `sso_region = ${region}`,
    "",
  ].join("\n");
}
