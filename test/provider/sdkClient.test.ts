import { CodeCatalystClient, ListSpacesCommand } from "@aws-sdk/client-codecatalyst";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";

import { fromSsoSession } from "../../src/index.js";
import { seedToken, sessionConfig, useEmulatorSandbox } from "../helpers/sandbox.js";

const MINUTE = 60_000;

const context = useEmulatorSandbox({ config: sessionConfig("work", "builder") });

describe("fromSsoSession in a real bearer-token SDK client", () => {
  it("gets the client's profile and a refreshed token that the service accepts", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      key: "work",
      expiresInMs: MINUTE,
    });
    // Only a refreshed token can work now: the cached one is no longer valid at the service.
    context.emulator.revokeAccessToken(seeded.accessToken);
    // The CodeCatalyst client (last published in 2024) takes `profile` at run time and passes
    // it to its token provider, though its config type does not list it.
    const config = {
      region: "us-west-2",
      profile: "builder",
      endpoint: context.emulator.url,
      token: fromSsoSession({ clientConfig: { endpoint: context.emulator.url } }),
    };
    const client = new CodeCatalystClient(config);

    const spaces = await client.send(new ListSpacesCommand({}));

    expect(spaces.items?.length).toBeGreaterThan(0);
    expect(context.emulator.counters.requests.CreateToken).toBe(1);
    client.destroy();
  });

  it("shows no token in what util.inspect and JSON.stringify print of an identity", async () => {
    const seeded = await seedToken(context.emulator, context.sandbox, {
      key: "work",
      expiresInMs: 30 * MINUTE,
    });
    const tokens = fromSsoSession({ profile: "builder" });

    const identity = await tokens();

    expect(identity.token).toBe(seeded.accessToken);
    const shown = [inspect(identity), JSON.stringify(identity), String(identity), inspect(tokens)];
    for (const text of shown) expect(text).not.toContain(seeded.accessToken);
    expect(JSON.parse(JSON.stringify(identity)).token).toBe("[redacted]");
  });
});
