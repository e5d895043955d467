import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { SsoConfig } from "../../src/config/index.js";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../src/emulator/index.js";
import {
  loginSession,
  type LoginEvent,
  type LoginResult,
  type LoginSessionInit,
} from "../../src/login/index.js";

export const START_URL = "https://d-1234567890.awsapps.com/start";
export const REGION = "us-east-1";
/** An arbitrary fixed start of the fake clock: 2026-03-01T12:00:00Z. */
export const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

/** A clock that only moves when told to. */
export interface FakeClock {
  now(): number;
  advance(ms: number): void;
}

export function fakeClock(start = T0): FakeClock {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
}

/** An sso-session as loadSsoConfig returns it. */
export function sessionConfig(overrides: Partial<SsoConfig> = {}): SsoConfig {
  return {
    kind: "session",
    sessionName: "my-sso",
    startUrl: START_URL,
    region: REGION,
    registrationScopes: ["sso:account:access"],
    configFilepath: "/home/user/.aws/config",
    ...overrides,
  };
}

/**
 * An emulator and a temporary home sharing one fake clock; `login` runs loginSession against
 * them, sleeping by advancing the clock (each sleep is recorded) and recording every event.
 */
export interface LoginHarness {
  emulator: Emulator;
  clock: FakeClock;
  home: string;
  sleeps: number[];
  events: LoginEvent[];
  browserOpens: string[];
  login(init?: Partial<LoginSessionInit>): Promise<LoginResult>;
  /** A new emulator (its registrations forgotten), as after a restart. */
  restartEmulator(options?: EmulatorOptions): Promise<void>;
  close(): Promise<void>;
}

export async function createLoginHarness(options: EmulatorOptions = {}): Promise<LoginHarness> {
  const clock = fakeClock();
  const home = await mkdtemp(join(tmpdir(), "sso-login-"));
  const harness: LoginHarness = {
    emulator: await startEmulator({ now: clock.now, deviceCodeIntervalSeconds: 1, ...options }),
    clock,
    home,
    sleeps: [],
    events: [],
    browserOpens: [],
    async login(init = {}) {
      return await loginSession({
        config: sessionConfig(),
        homeDir: home,
        clientConfig: { endpoint: harness.emulator.url },
        now: clock.now,
        sleep: async (ms) => {
          harness.sleeps.push(ms);
          clock.advance(ms);
        },
        ui: {
          onEvent: (event) => harness.events.push(event),
          openBrowser: (url) => {
            harness.browserOpens.push(url);
          },
        },
        ...init,
      });
    },
    async restartEmulator(restartOptions = {}) {
      await harness.emulator.stop();
      harness.emulator = await startEmulator({
        now: clock.now,
        deviceCodeIntervalSeconds: 1,
        ...options,
        ...restartOptions,
      });
    },
    async close() {
      await harness.emulator.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
  return harness;
}

/**
 * Follows an `/authorize` URL as a browser would, redirects included, up to the callback.
 * Resolves once the callback page has arrived.
 */
export async function followInBrowser(url: string): Promise<void> {
  const page = await fetch(url, { redirect: "follow" });
  await page.text();
}
