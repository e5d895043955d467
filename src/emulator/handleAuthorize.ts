import { decideApproval } from "./decideApproval.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import {
  htmlResponse,
  jsonResponse,
  redirectResponse,
  type EmulatorResponse,
} from "./EmulatorResponse.js";
import type { AuthorizeRecord } from "./EmulatorStore.js";
import { authorizePage, messagePage } from "./htmlPages.js";
import { formBody, type ParsedRequest } from "./ParsedRequest.js";
import { matchesRegisteredRedirectUri } from "./redirectUris.js";

const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function badRequest(message: string): EmulatorResponse {
  return htmlResponse(messagePage("Invalid request", message), 400, "invalid_request");
}

/**
 * `GET /authorize` of the PKCE authorization-code flow (the page the AWS CLI opens). It
 * checks the client, its `authorization_code` registration, the redirect URI (a loopback
 * URI matches whatever its port) and the S256 challenge; anything wrong gets a 400 page and
 * is never redirected. Then the approval decides: approved redirects to
 * `redirect_uri?code=...&state=...`, denied to `redirect_uri?error=access_denied&state=...`,
 * pending shows an approve/deny page.
 *
 * @internal
 */
export async function handleAuthorize(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  const query = request.query;
  const clientId = query.get("client_id") ?? "";
  const redirectUri = query.get("redirect_uri") ?? "";
  const challenge = query.get("code_challenge") ?? "";

  const client = context.store.clients.get(clientId);
  if (client === undefined) return badRequest("Unknown client_id.");
  if (client.expiresAt <= context.store.now()) {
    return badRequest("The client registration has expired; register the client again.");
  }
  if (!context.store.allowsGrant(client, "authorization_code")) {
    return badRequest("The client is not registered for the authorization_code grant.");
  }
  if (!matchesRegisteredRedirectUri(redirectUri, client.redirectUris)) {
    return badRequest("redirect_uri is missing or is not one the client registered.");
  }
  if (query.get("response_type") !== "code") return badRequest("response_type must be code.");
  if (query.get("code_challenge_method") !== "S256") {
    return badRequest("code_challenge_method must be S256.");
  }
  if (!CHALLENGE_PATTERN.test(challenge)) {
    return badRequest("code_challenge must be the base64url SHA-256 of the code verifier.");
  }
  const scopes = (query.get("scopes") ?? "").split(" ").filter((scope) => scope !== "");
  const unknownScope = scopes.find((scope) => !client.scopes.includes(scope));
  if (unknownScope !== undefined) {
    return badRequest("scopes must be among the scopes the client registered.");
  }

  const record = context.store.createAuthorizeRequest({
    clientId,
    redirectUri,
    state: query.get("state") ?? undefined,
    codeChallenge: challenge,
  });
  return continueAuthorization(context, record);
}

/**
 * `GET /authorize/continue?request=ID`: where a pending request goes on (the approval page
 * reloads it), redirecting once the request was decided.
 *
 * @internal
 */
export function handleAuthorizeContinue(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  const record = context.store.authorizeRequests.get(request.query.get("request") ?? "");
  if (record === undefined) return Promise.resolve(badRequest("Unknown authorization request."));
  return continueAuthorization(context, record);
}

/**
 * `GET /authorize/status?request=ID`: where a request stands, as JSON
 * `{"status": "pending" | "approved" | "denied" | "completed" | "expired"}` (404 if unknown).
 * The approval page polls it. It asks the approval hook like a CreateToken poll does.
 *
 * @internal
 */
export async function handleAuthorizeStatus(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  const record = context.store.authorizeRequests.get(request.query.get("request") ?? "");
  if (record === undefined) return jsonResponse({ status: "unknown" }, 404);
  if (record.completed) return jsonResponse({ status: "completed" });
  if (record.expiresAt <= context.store.now()) return jsonResponse({ status: "expired" });
  return jsonResponse({ status: await decideApproval(context, record) });
}

/**
 * `POST /authorize/decision` (form fields `request`, `decision` = approve or deny): the
 * approval page's buttons. Redirects to the callback.
 *
 * @internal
 */
export function handleAuthorizeDecision(
  context: EmulatorContext,
  request: ParsedRequest,
): Promise<EmulatorResponse> {
  const form = formBody(request);
  const record = context.store.authorizeRequests.get(form.get("request") ?? "");
  if (record === undefined) return Promise.resolve(badRequest("Unknown authorization request."));

  const decision = form.get("decision");
  if (decision !== "approve" && decision !== "deny") {
    return Promise.resolve(badRequest("decision must be approve or deny."));
  }
  if (record.status === "pending") record.status = decision === "approve" ? "approved" : "denied";
  return continueAuthorization(context, record);
}

async function continueAuthorization(
  context: EmulatorContext,
  record: AuthorizeRecord,
): Promise<EmulatorResponse> {
  if (record.completed) return badRequest("This authorization request is already completed.");
  if (record.expiresAt <= context.store.now()) {
    return badRequest("This authorization request has expired; start the login again.");
  }

  const status = await decideApproval(context, record);
  if (status === "pending") {
    const client = context.store.clients.get(record.clientId);
    const query = `?request=${encodeURIComponent(record.id)}`;
    const paths = {
      statusPath: `/authorize/status${query}`,
      continuePath: `/authorize/continue${query}`,
    };
    const clientName = client?.clientName ?? "";
    return htmlResponse(authorizePage(record.id, clientName, client?.scopes ?? [], paths));
  }

  record.completed = true;
  const target = new URL(record.redirectUri);
  if (status === "approved") {
    target.searchParams.set("code", context.store.issueCode(record));
  } else {
    target.searchParams.set("error", "access_denied");
    target.searchParams.set("error_description", "The user denied the request");
  }
  if (record.state !== undefined) target.searchParams.set("state", record.state);
  return redirectResponse(target.toString());
}
