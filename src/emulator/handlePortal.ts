import type { EmulatorContext } from "./EmulatorContext.js";
import type { EmulatorOperation } from "./EmulatorOperation.js";
import { jsonResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import { headerValue, type ParsedRequest } from "./ParsedRequest.js";
import { portalError } from "./portalError.js";

/** The header the SSO portal reads the access token from. @internal */
export const PORTAL_TOKEN_HEADER = "x-amz-sso_bearer_token";

const UNAUTHORIZED_MESSAGE = "Session token not found or invalid";
const DEFAULT_PAGE_SIZE = 100;

/**
 * The SSO portal (`@aws-sdk/client-sso`): GetRoleCredentials, ListAccounts,
 * ListAccountRoles and Logout. Each needs an access token that is valid now in the
 * `x-amz-sso_bearer_token` header, else `UnauthorizedException` (401). Accounts and roles
 * come from the `accounts` option; role credentials are remembered for STS.
 *
 * @internal
 */
export function handlePortal(
  context: EmulatorContext,
  operation: EmulatorOperation,
  request: ParsedRequest,
): EmulatorResponse {
  const token = headerValue(request, PORTAL_TOKEN_HEADER);
  if (context.store.validAccessToken(token) === undefined) {
    return portalError("UnauthorizedException", UNAUTHORIZED_MESSAGE);
  }

  switch (operation) {
    case "GetRoleCredentials":
      return getRoleCredentials(context, request);
    case "ListAccounts":
      return listAccounts(context, request);
    case "ListAccountRoles":
      return listAccountRoles(context, request);
    default:
      // Logout ends this access token; its refresh token is left alone, as the portal does.
      context.store.revokeAccessToken(token as string);
      return { kind: "send", status: 200, headers: {}, body: "" };
  }
}

function getRoleCredentials(context: EmulatorContext, request: ParsedRequest): EmulatorResponse {
  const roleName = request.query.get("role_name");
  const accountId = request.query.get("account_id");
  if (!roleName || !accountId) {
    return portalError("InvalidRequestException", "role_name and account_id are required");
  }

  const account = context.options.accounts.find((item) => item.accountId === accountId);
  if (account === undefined || !account.roles.includes(roleName)) {
    return portalError("ForbiddenException", "No access");
  }

  const credentials = context.store.issueRoleCredentials(accountId, roleName);
  context.counters.roleCredentialsIssued += 1;
  return jsonResponse({
    roleCredentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    },
  });
}

function listAccounts(context: EmulatorContext, request: ParsedRequest): EmulatorResponse {
  const accounts = context.options.accounts.map((account) => ({
    accountId: account.accountId,
    accountName: account.accountName,
    emailAddress: account.emailAddress,
  }));
  const page = pageOf(accounts, request);
  if (page === undefined) return badPaging();
  return jsonResponse({ accountList: page.items, ...nextTokenMember(page.nextToken) });
}

function listAccountRoles(context: EmulatorContext, request: ParsedRequest): EmulatorResponse {
  const accountId = request.query.get("account_id");
  if (!accountId) return portalError("InvalidRequestException", "account_id is required");

  const account = context.options.accounts.find((item) => item.accountId === accountId);
  const roles = (account?.roles ?? []).map((roleName) => ({ roleName, accountId }));
  const page = pageOf(roles, request);
  if (page === undefined) return badPaging();
  return jsonResponse({ roleList: page.items, ...nextTokenMember(page.nextToken) });
}

function badPaging(): EmulatorResponse {
  return portalError("InvalidRequestException", "Invalid next_token or max_result");
}

// Pages by `max_result` and an opaque `next_token` (the offset, encoded).
function pageOf<T>(
  items: T[],
  request: ParsedRequest,
): { items: T[]; nextToken: string | undefined } | undefined {
  const maxText = request.query.get("max_result");
  const size = maxText === null ? DEFAULT_PAGE_SIZE : Number(maxText);
  if (!Number.isInteger(size) || size < 1) return undefined;

  const tokenText = request.query.get("next_token");
  const start = tokenText === null ? 0 : Number(Buffer.from(tokenText, "base64url").toString());
  if (!Number.isInteger(start) || start < 0 || start > items.length) return undefined;

  const end = start + size;
  const nextToken = end < items.length ? Buffer.from(String(end)).toString("base64url") : undefined;
  return { items: items.slice(start, end), nextToken };
}

function nextTokenMember(nextToken: string | undefined): { nextToken?: string } {
  return nextToken === undefined ? {} : { nextToken };
}
