// An SigV4-signed SDK client with role credentials obtained through the SSO session of `dev`.
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromSsoRoleCredentials } from "sso-token-provider";

const sts = new STSClient({
  region: "us-east-1",
  credentials: fromSsoRoleCredentials({ profile: "dev" }),
});
const { Account, Arn } = await sts.send(new GetCallerIdentityCommand({}));
console.log("caller:", Account, Arn);
