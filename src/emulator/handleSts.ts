import type { EmulatorContext } from "./EmulatorContext.js";
import type { EmulatorResponse } from "./EmulatorResponse.js";
import { escapeXml } from "./escapeMarkup.js";
import { formBody, type ParsedRequest } from "./ParsedRequest.js";
import { roleIdFor } from "./randomValues.js";
import { STS_XML_NAMESPACE, stsError } from "./stsError.js";
import { verifySigV4 } from "./verifySigV4.js";

/**
 * STS `GetCallerIdentity` as `@aws-sdk/client-sts` sends it (awsQuery: a form POST to `/`
 * with `Action` and `Version`, answered in XML). The request must be SigV4-signed with
 * role credentials from GetRoleCredentials; the answer names their account and role:
 * `arn:aws:sts::ACCOUNT:assumed-role/ROLE/USER` and `UserId` `AROA...:USER`.
 * Other actions get `InvalidAction`.
 *
 * @internal
 */
export async function handleSts(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  const form = formBody(request);
  const action = form.get("Action");

  const verified = await verifySigV4(context.store, request, "sts");
  if ("code" in verified) {
    return stsError(verified.status, verified.code, verified.message, request.requestId);
  }
  if (action !== "GetCallerIdentity") {
    return stsError(400, "InvalidAction", "Only GetCallerIdentity is emulated", request.requestId);
  }

  const { accountId, roleName } = verified;
  const user = context.options.userName;
  const body = [
    `<GetCallerIdentityResponse xmlns="${STS_XML_NAMESPACE}">`,
    "  <GetCallerIdentityResult>",
    `    <Arn>${escapeXml(`arn:aws:sts::${accountId}:assumed-role/${roleName}/${user}`)}</Arn>`,
    `    <UserId>${escapeXml(`${roleIdFor(accountId, roleName)}:${user}`)}</UserId>`,
    `    <Account>${accountId}</Account>`,
    "  </GetCallerIdentityResult>",
    "  <ResponseMetadata>",
    `    <RequestId>${escapeXml(request.requestId)}</RequestId>`,
    "  </ResponseMetadata>",
    "</GetCallerIdentityResponse>",
    "",
  ].join("\n");

  return { kind: "send", status: 200, headers: { "content-type": "text/xml" }, body };
}
