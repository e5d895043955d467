// `npm run demo`: the package's main job, end to end, against the embedded SSO OIDC emulator
// in a temporary home. Exits non-zero when any check fails.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// Before any SDK client loads: Node 20 would get a multi-line support warning from each one.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const { CodeCatalystClient, ListSpacesCommand } = await import("@aws-sdk/client-codecatalyst");
const { formatTimestamp, getTokenFilepath } = await import("../cache/index.js");
const { startEmulator } = await import("../emulator/index.js");
const { fromSsoSession } = await import("../index.js");
const { signInWithDeviceCode } = await import("./signInWithDeviceCode.js");

const RACERS = 8;
const START_URL = "https://d-0000000000.awsapps.com/start";
const REGION = "us-east-1";
const run = promisify(execFile);

const home = await mkdtemp(join(tmpdir(), "sso-token-provider-demo-"));
const emulator = await startEmulator({
  approvalHook: (request) => {
    if (request.kind === "device") say(`   the emulator approves user code ${request.userCode}`);
    return "approve";
  },
});
const failures: string[] = [];

try {
  await runDemo();
} catch (error) {
  failures.push(`the demo stopped: ${(error as Error).message}`);
} finally {
  await emulator.stop();
  await rm(home, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`\nFAILED:\n${failures.map((failure) => `  - ${failure}`).join("\n")}`);
  process.exitCode = 1;
} else {
  say("\nAll checks passed.");
}

async function runDemo(): Promise<void> {
  const configPath = join(home, ".aws", "config");
  const tokenPath = getTokenFilepath("demo", home);
  await mkdir(join(home, ".aws"), { recursive: true });
  await writeFile(
    configPath,
    `[profile demo]\nsso_session = demo\n\n` +
      `[sso-session demo]\nsso_start_url = ${START_URL}\nsso_region = ${REGION}\n` +
      `sso_registration_scopes = sso:account:access\n`,
  );
  Object.assign(process.env, {
    HOME: home,
    AWS_CONFIG_FILE: configPath,
    AWS_ENDPOINT_URL_SSO_OIDC: emulator.url,
  });
  say(`SSO OIDC emulator: ${emulator.url}   temporary home: ${home}`);

  say("\n1. Sign in with the device code: RegisterClient, StartDeviceAuthorization, CreateToken");
  const expiresAt = await signInWithDeviceCode({
    startUrl: START_URL,
    region: REGION,
    endpoint: emulator.url,
    tokenPath,
  });
  say(`   cached ${shortPath(tokenPath)}, expires ${formatTimestamp(expiresAt)}`);

  say("\n2. Make the cached token nearly expired (60 seconds left), written in place with mode 0644");
  await rewriteExpiresAt(tokenPath, new Date(Date.now() + 60_000));
  await chmod(tokenPath, 0o644);

  say('\n3. CodeCatalyst ListSpaces with token: fromSsoSession({ profile: "demo" })');
  const before = emulator.counters.createTokenSuccesses.refresh_token;
  const client = new CodeCatalystClient({
    region: "us-west-2",
    endpoint: emulator.url,
    token: fromSsoSession({ profile: "demo" }),
  });
  const spaces = await client.send(new ListSpacesCommand({}));
  client.destroy();
  const refreshes = emulator.counters.createTokenSuccesses.refresh_token - before;
  const cached = await describeCacheFile(tokenPath);
  say(`   listed ${spaces.items?.length ?? 0} space(s): ${spaces.items?.map((s) => s.name)}`);
  say(`   CreateToken refreshes: ${refreshes}; cache rewritten: ${cached}`);
  check(refreshes === 1, `one CreateToken refreshed the token (saw ${refreshes})`);
  check(cached.startsWith("mode 0600"), `the cache file has mode 0600 (${cached})`);

  say(`\n4. Expire the token and start ${RACERS} processes at once`);
  await rewriteExpiresAt(tokenPath, new Date(Date.now() - 60_000));
  const raceBefore = emulator.counters;
  const results = await Promise.all(Array.from({ length: RACERS }, () => runRacer()));
  const raceRefreshes =
    emulator.counters.createTokenSuccesses.refresh_token -
    raceBefore.createTokenSuccesses.refresh_token;
  const rejected = emulator.counters.invalidGrant - raceBefore.invalidGrant;
  const succeeded = results.filter((result) => result.ok).length;
  const distinct = new Set(results.map((result) => result.digest)).size;
  say(`   ${succeeded}/${RACERS} processes got a token; distinct tokens: ${distinct}`);
  say(`   CreateToken refreshes: ${raceRefreshes}; rejected with invalid_grant: ${rejected}`);
  check(succeeded === RACERS, `every process got a token (${succeeded}/${RACERS})`);
  check(distinct === 1, `all processes got the same token (${distinct} distinct)`);
  check(raceRefreshes === 1, `exactly one CreateToken for ${RACERS} processes (${raceRefreshes})`);
}

async function runRacer(): Promise<{ ok: boolean; digest?: string }> {
  const child = fileURLToPath(new URL("./raceChild.js", import.meta.url));
  try {
    const { stdout } = await run(process.execPath, [child], { env: process.env });
    return JSON.parse(stdout);
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout ?? "";
    return stdout ? JSON.parse(stdout) : { ok: false };
  }
}

async function rewriteExpiresAt(tokenPath: string, expiresAt: Date): Promise<void> {
  const record = JSON.parse(await readFile(tokenPath, "utf8"));
  record.expiresAt = formatTimestamp(expiresAt);
  await writeFile(tokenPath, JSON.stringify(record));
}

async function describeCacheFile(tokenPath: string): Promise<string> {
  const mode = ((await stat(tokenPath)).mode & 0o777).toString(8).padStart(4, "0");
  const record = JSON.parse(await readFile(tokenPath, "utf8"));
  return `mode ${mode}, expires ${record.expiresAt}`;
}

function shortPath(path: string): string {
  return path.replace(home, "~");
}

function check(ok: boolean, what: string): void {
  if (!ok) failures.push(what);
}

function say(line: string): void {
  console.log(line);
}
