import {
  AccessDeniedException,
  ListSpacesCommand,
  VerifySessionCommand,
} from "@aws-sdk/client-codecatalyst";
import { afterEach, describe, expect, it } from "vitest";

import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import { codeCatalystClient, ManualClock, rejectionOf } from "./support.js";

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

describe("CodeCatalyst bearer calls", () => {
  it("verifies a session with a valid bearer token", async () => {
    emulator = await startEmulator({ userName: "alice" });
    const session = emulator.issueSession();

    const result = await codeCatalystClient(emulator.url, session.accessToken).send(
      new VerifySessionCommand({}),
    );
    expect(result.identity).toBe("alice");
  });

  it("lists the configured spaces", async () => {
    emulator = await startEmulator({
      spaces: [
        { name: "team-a", description: "First team" },
        { name: "team-b", regionName: "eu-west-1", displayName: "Team B" },
      ],
    });
    const session = emulator.issueSession();

    const result = await codeCatalystClient(emulator.url, session.accessToken).send(
      new ListSpacesCommand({}),
    );
    expect(result.items).toEqual([
      { name: "team-a", regionName: "us-west-2", displayName: "team-a", description: "First team" },
      { name: "team-b", regionName: "eu-west-1", displayName: "Team B" },
    ]);
  });

  it("answers an expired or unknown token with AccessDeniedException (403)", async () => {
    const clock = new ManualClock();
    emulator = await startEmulator({ now: clock.now });
    const session = emulator.issueSession({ accessTokenLifetimeSeconds: 600 });
    const client = codeCatalystClient(emulator.url, session.accessToken);
    expect((await client.send(new ListSpacesCommand({}))).items).toHaveLength(1);

    clock.advance(600);
    const expired = await rejectionOf(client.send(new VerifySessionCommand({})));
    expect(expired).toBeInstanceOf(AccessDeniedException);
    expect(expired.$metadata.httpStatusCode).toBe(403);

    const unknown = await rejectionOf(
      codeCatalystClient(emulator.url, "aoaNeverIssued").send(new ListSpacesCommand({})),
    );
    expect(unknown).toBeInstanceOf(AccessDeniedException);
  });

  it("answers a request without a bearer token with AccessDeniedException", async () => {
    emulator = await startEmulator();
    const response = await fetch(`${emulator.url}/session`);
    expect(response.status).toBe(403);
    expect(response.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
  });
});
