// The PKCE login end to end: the command line opens "the browser" (on Linux through the
// `open` package's xdg-open, which runs $BROWSER: here a script that records the address),
// and Debian's chromium, driven headless by playwright-core, follows the address to the
// emulator's approval page, approves, and is redirected to the command's loopback callback.
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { requireTool } from "../helpers/requireTool.js";
import {
  assertCliBuilt,
  createCliHome,
  startCli,
  type CliHome,
  type CliProcess,
} from "./cliProcess.js";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const itWithChromium = requireTool(
  "chromium",
  process.platform === "linux" && existsSync(CHROMIUM),
  `the PKCE login test drives Debian's chromium (${CHROMIUM}) headless; ` +
    "install it with `apt-get install chromium` (Linux only)",
);

let emulator: Emulator;
let browser: BrowserContext | undefined;
let profileDir: string;
const homes: CliHome[] = [];

beforeAll(async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  assertCliBuilt();
  // No auto-approval: the person (here chromium) approves on the emulator's page.
  emulator = await startEmulator();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
  await Promise.all(homes.map((home) => home.cleanup()));
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** chromium with an empty profile, started on first use. */
async function chromium(): Promise<BrowserContext> {
  if (browser) return browser;
  const { chromium: launcher } = await import("playwright-core");
  profileDir = await mkdtemp(join(tmpdir(), "sso-chromium-"));
  browser = await launcher.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return browser;
}

/** A home whose "browser" records each address it is asked to open, one per line. */
async function homeWithRecordingBrowser() {
  const home = await createCliHome(emulator.url);
  homes.push(home);
  const opened = join(home.home, "opened-urls.txt");
  const script = join(home.home, "record-browser.sh");
  await writeFile(script, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
  await chmod(script, 0o755);

  const env: NodeJS.ProcessEnv = { ...home.env, BROWSER: script };
  delete env.SSO_TOKEN_PROVIDER_NO_BROWSER;
  const openedUrls = async () =>
    (await readFile(opened, "utf8").catch(() => "")).split("\n").filter(Boolean);
  return { home, env, openedUrls };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Signs in at `url` as a person would: the approval page, then "Allow", which redirects to
 * the command's callback. A failure says where the browser ended and what the command said.
 */
async function approveInChromium(url: string, login: CliProcess): Promise<string> {
  const page = await (await chromium()).newPage();
  try {
    await page.goto(url);
    await page.click("#approve");
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?/, {
      timeout: 20_000,
    });
    return (await page.textContent("body")) ?? "";
  } catch (error) {
    const body = await page.textContent("body").catch(() => "(no page)");
    throw new Error(
      `the browser did not reach the callback: ${String(error)}\n` +
        `browser at ${page.url()}: ${body}\ncommand stderr:\n${login.stderr()}`,
    );
  } finally {
    await page.close();
  }
}

describe("sso-token-provider login in a real browser (PKCE)", () => {
  itWithChromium("opens the browser once, refuses a wrong state, and signs in", async () => {
    const { home, env, openedUrls } = await homeWithRecordingBrowser();
    const before = emulator.counters;

    const login: CliProcess = startCli(["login", "--profile", "dev"], env);
    const [url] = await waitFor(async () => {
      const urls = await openedUrls();
      return urls.length > 0 ? urls : undefined;
    }, "the browser to be opened");

    const callback = new URL(url!).searchParams.get("redirect_uri")!;
    const page = await (await chromium()).newPage();
    const forged = await page.goto(`${callback}?code=forged&state=not-this-login`);
    expect(forged?.status()).toBe(400);
    expect(await page.textContent("body")).toContain("does not belong to the sign-in");
    await page.close();

    expect(await approveInChromium(url!, login)).toContain("You can close this tab");
    const result = await login.result;

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("refused a callback whose state does not match this login");
    expect(result.stderr).toContain("Signed in to sso-session 'my-sso' (profile 'dev')");
    expect(await openedUrls()).toEqual([url]);
    const record = JSON.parse(await readFile(home.tokenPath("my-sso"), "utf8"));
    expect(emulator.isAccessTokenValid(record.accessToken)).toBe(true);
    const after = emulator.counters;
    const exchanged =
      after.createTokenSuccesses.authorization_code -
      before.createTokenSuccesses.authorization_code;
    expect(exchanged).toBe(1);
  });

  itWithChromium("runs one browser flow for two logins of one session at once", async () => {
    const { home, env, openedUrls } = await homeWithRecordingBrowser();
    const before = emulator.counters;

    const first = startCli(["login", "--sso-session", "my-sso"], env);
    const [url] = await waitFor(async () => {
      const urls = await openedUrls();
      return urls.length > 0 ? urls : undefined;
    }, "the first login to open the browser");
    const second = startCli(["login", "--sso-session", "my-sso"], env);
    await second.waitForStderr(/Another login of this session is in progress/);

    await approveInChromium(url!, first);
    const [firstResult, secondResult] = await Promise.all([first.result, second.result]);

    expect(firstResult.code).toBe(0);
    expect(secondResult.code).toBe(0);
    expect(secondResult.stderr).toContain("The other login finished; its token is valid until");
    expect(await openedUrls()).toEqual([url]);
    const after = emulator.counters;
    expect(after.requests.CreateToken - before.requests.CreateToken).toBe(1);
    expect(after.requests.Authorize - before.requests.Authorize).toBeGreaterThanOrEqual(1);
    const record = JSON.parse(await readFile(home.tokenPath("my-sso"), "utf8"));
    expect(emulator.isAccessTokenValid(record.accessToken)).toBe(true);
  });
});

describe("sso-token-provider login without a browser", () => {
  // The recording browser works through xdg-open, which only the Linux build of `open` uses.
  it.skipIf(process.platform !== "linux")(
    "never opens one with --no-browser, and signs in when the code is approved",
    async () => {
      const { home, env, openedUrls } = await homeWithRecordingBrowser();

      const args = ["login", "--sso-session", "my-sso", "--use-device-code", "--no-browser"];
      const login = startCli(args, env);
      const [, userCode] = await login.waitForStderr(/confirm the code (\w{4}-\w{4})\./);
      await login.waitForStderr(/Waiting for you to sign in/);
      expect(emulator.approve(userCode!)).toBe(true);
      const result = await login.result;

      expect(result.code).toBe(0);
      expect(await openedUrls()).toEqual([]);
      await expect(readFile(home.tokenPath("my-sso"), "utf8")).resolves.toContain("accessToken");
    },
  );

  // xdg-open runs $BROWSER, which fails here; with no display and no text browser it then
  // gives up with exit code 3, as on a headless server.
  it.skipIf(process.platform !== "linux")(
    "says when the browser could not be opened, and signs in through the address",
    async () => {
      const home = await createCliHome(emulator.url);
      homes.push(home);
      const failing = join(home.home, "failing-browser.sh");
      await writeFile(failing, "#!/bin/sh\nexit 1\n");
      await chmod(failing, 0o755);
      const env: NodeJS.ProcessEnv = { ...home.env, BROWSER: failing };
      delete env.SSO_TOKEN_PROVIDER_NO_BROWSER;
      delete env.DISPLAY;

      const args = ["login", "--sso-session", "my-sso", "--use-device-code"];
      const login = startCli(args, env);
      const [, userCode] = await login.waitForStderr(/confirm the code (\w{4}-\w{4})\./);
      await login.waitForStderr(/Could not open a browser \(the launcher exited with \d+\)/);
      expect(emulator.approve(userCode!)).toBe(true);
      const result = await login.result;

      expect(result.code).toBe(0);
      expect(result.stderr).toContain("open the address above yourself");
    },
  );
});
