import { afterEach, beforeAll, describe, expect, it } from "vitest";

import { getTokenFilepath, readTokenFile } from "../../src/cache/index.js";
import type { LoginEvent } from "../../src/login/index.js";
import { createLoginHarness, followInBrowser, type LoginHarness } from "./loginHarness.js";

beforeAll(() => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
});

let harness: LoginHarness;
afterEach(async () => {
  await harness?.close();
});

describe("two logins of one session at once", () => {
  it("run one browser flow: the second waits and takes the token the first wrote", async () => {
    harness = await createLoginHarness({ autoApprove: true });
    const opened: string[] = [];
    const secondEvents: LoginEvent[] = [];
    let secondWaiting!: () => void;
    const secondIsWaiting = new Promise<void>((resolve) => (secondWaiting = resolve));

    const first = harness.login({
      ui: {
        openBrowser: async (url) => {
          opened.push(url);
          // Sign in only once the second login is waiting for this one.
          await secondIsWaiting;
          await followInBrowser(url);
        },
      },
    });
    // The first login holds the lock once its browser is asked to open.
    await waitUntil(() => opened.length === 1);
    const second = harness.login({
      ui: {
        onEvent: (event) => {
          secondEvents.push(event);
          if (event.type === "waiting-for-other-login") secondWaiting();
        },
        openBrowser: (url) => void opened.push(url),
      },
    });

    const [firstResult, secondResult] = await Promise.all([first, second]);

    expect(firstResult.flow).toBe("pkce");
    expect(secondResult.flow).toBe("other-login");
    expect(secondResult.expiresAt).toEqual(firstResult.expiresAt);
    expect(opened).toHaveLength(1);
    expect(harness.emulator.counters.requests.CreateToken).toBe(1);
    expect(secondEvents.map((event) => event.type)).toEqual([
      "waiting-for-other-login",
      "other-login-finished",
    ]);
  });

  it("a login started after another finished signs in anew, as `aws sso login` does", async () => {
    harness = await createLoginHarness({ autoApprove: true });

    await harness.login({ useDeviceCode: true });
    const before = await readTokenFile(getTokenFilepath("my-sso", harness.home));
    const again = await harness.login({ useDeviceCode: true });
    const after = await readTokenFile(again.filepath);

    expect(again.flow).toBe("device");
    expect(after?.accessToken).not.toBe(before?.accessToken);
    expect(harness.emulator.counters.createTokenSuccesses.device_code).toBe(2);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error("timed out waiting for the condition");
}
