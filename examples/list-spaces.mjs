// A bearer-token SDK client with its token from the SSO session of profile `dev`.
import { CodeCatalystClient, ListSpacesCommand } from "@aws-sdk/client-codecatalyst";
import { fromSsoSession } from "sso-token-provider";

const client = new CodeCatalystClient({
  region: "us-west-2",
  token: fromSsoSession({ profile: "dev" }),
});
const { items } = await client.send(new ListSpacesCommand({}));
console.log("spaces:", items.map((space) => space.name).join(", "));
