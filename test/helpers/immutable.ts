import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Whether `chattr +i` works here. Tests run as root, where permissions never refuse a
 * write; an immutable folder (ext4, root) is the one real way to make the disk say no.
 */
export function canMakeImmutable(): boolean {
  const probe = mkdtempSync(join(tmpdir(), "immutable-probe-"));
  try {
    execFileSync("chattr", ["+i", probe], { stdio: "ignore" });
    let refused = false;
    try {
      writeFileSync(join(probe, "x"), "x");
    } catch {
      refused = true;
    }
    execFileSync("chattr", ["-i", probe], { stdio: "ignore" });
    return refused;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

/** Makes `path` immutable until the returned function is called. */
export function makeImmutable(path: string): () => void {
  execFileSync("chattr", ["+i", path]);
  return () => execFileSync("chattr", ["-i", path]);
}
