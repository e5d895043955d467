import { join } from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { listSsoConfigs } from "../../src/config/index.js";
import { SsoTokenProviderError } from "../../src/errors/index.js";
import { makeTempFolder, type TempFolder } from "./tempFolder.js";

let tmp: TempFolder;

beforeEach(async () => {
  tmp = await makeTempFolder();
});

afterEach(async () => {
  await tmp.remove();
});

const CONFIG = `
[profile uses-session]
sso_session = corp
sso_account_id = 111122223333

[profile legacy-one]
sso_start_url = https://one.awsapps.com/start
sso_region = us-east-1
sso_role_name = Admin

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
sso_registration_scopes = sso:account:access

[profile static]
region = us-east-1

[sso-session broken]
sso_start_url = https://broken.awsapps.com/start

[sso-session "team"]
SSO_START_URL = https://team.awsapps.com/start
sso_region = ap-northeast-1

[sso-session "my team"]
sso_start_url = https://my-team.awsapps.com/start
sso_region = ap-northeast-1

[sso-session colon]
sso_start_url: https://colon.awsapps.com/start
sso_region = us-east-1

[profile legacy-broken]
sso_start_url = https://two.awsapps.com/start
`;

describe(listSsoConfigs.name, () => {
  it("lists every usable sso-session, then every usable legacy profile, in order", async () => {
    const config = await tmp.write("config", CONFIG);
    const credentials = await tmp.write(
      "credentials",
      "[legacy-creds]\nsso_start_url = https://creds.awsapps.com/start\nsso_region = us-west-2\n",
    );

    const found = await listSsoConfigs({
      env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials },
    });

    expect(found).toEqual([
      {
        kind: "session",
        sessionName: "corp",
        startUrl: "https://corp.awsapps.com/start",
        region: "eu-west-1",
        registrationScopes: ["sso:account:access"],
        configFilepath: config,
      },
      {
        kind: "session",
        sessionName: "team",
        startUrl: "https://team.awsapps.com/start",
        region: "ap-northeast-1",
        configFilepath: config,
      },
      {
        kind: "legacy",
        profileName: "legacy-one",
        startUrl: "https://one.awsapps.com/start",
        region: "us-east-1",
        roleName: "Admin",
        configFilepath: config,
      },
      {
        kind: "legacy",
        profileName: "legacy-creds",
        startUrl: "https://creds.awsapps.com/start",
        region: "us-west-2",
        configFilepath: credentials,
      },
    ]);
  });

  it("reports each entry it leaves out", async () => {
    const config = await tmp.write("config", CONFIG);
    const problems: SsoTokenProviderError[] = [];

    await listSsoConfigs({ configFilepath: config, env: {}, onProblem: (p) => problems.push(p) });

    expect(problems.map((p) => p.code)).toEqual(Array(4).fill("SSO_CONFIG_INVALID"));
    expect(problems[0]?.message).toContain("[sso-session broken]");
    expect(problems[0]?.message).toContain("has no sso_region");
    expect(problems[1]?.message).toContain(`${config}:31: sso_start_url is written with ":"`);
    expect(problems[2]?.message).toContain("[profile legacy-broken]");
    expect(problems[3]?.message).toContain(
      `${config}:26: [sso-session "my team"] is not read: the AWS SDKs cannot read names ` +
        "with spaces",
    );
  });

  it("leaves out a repeated sso-session", async () => {
    const config = await tmp.write(
      "config",
      "[sso-session a]\nsso_start_url = https://a/start\nsso_region = us-east-1\n" +
        "[sso-session a]\n",
    );
    const problems: string[] = [];
    const found = await listSsoConfigs({
      configFilepath: config,
      env: {},
      onProblem: (p) => problems.push(p.message),
    });
    expect(found).toEqual([]);
    expect(problems[0]).toContain('sso-session "a" has 2 sections');
  });

  it("fails with CONFIG_FILE_NOT_FOUND, never skippable, without a config file", async () => {
    const error = await listSsoConfigs({ configFilepath: join(tmp.path, "none"), env: {} }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SsoTokenProviderError);
    expect(error).toMatchObject({ code: "CONFIG_FILE_NOT_FOUND", tryNextLink: false });
  });
});
