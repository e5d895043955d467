import type { EmulatorContext } from "./EmulatorContext.js";
import { htmlResponse, type EmulatorResponse } from "./EmulatorResponse.js";
import type { DeviceRecord } from "./EmulatorStore.js";
import { deviceConfirmPage, deviceEntryPage, messagePage } from "./htmlPages.js";
import { formBody, type ParsedRequest } from "./ParsedRequest.js";

/**
 * `GET /device` (the `verificationUri`): a form to type the user code; with
 * `?user_code=...` (the `verificationUriComplete`), the approve/deny page for that code.
 *
 * @internal
 */
export function handleDevicePage(
  context: EmulatorContext,
  request: ParsedRequest,
): EmulatorResponse {
  const userCode = request.query.get("user_code");
  if (userCode === null || userCode.trim() === "") return htmlResponse(deviceEntryPage());

  const device = findByUserCode(context, userCode);
  const problem = problemWith(context, device);
  if (problem !== undefined) return problem;

  const live = device as DeviceRecord;
  if (live.status !== "pending") return statusPage(live);
  const client = context.store.clients.get(live.clientId);
  const clientName = client?.clientName ?? "";
  return htmlResponse(deviceConfirmPage(live.userCode, clientName, client?.scopes ?? []));
}

/**
 * `POST /device/decision` (form fields `user_code`, `decision` = approve or deny): the
 * device page's buttons. The polling client then gets its tokens or `access_denied`.
 *
 * @internal
 */
export function handleDeviceDecision(
  context: EmulatorContext,
  request: ParsedRequest,
): EmulatorResponse {
  const form = formBody(request);
  const device = findByUserCode(context, form.get("user_code") ?? "");
  const problem = problemWith(context, device);
  if (problem !== undefined) return problem;

  const decision = form.get("decision");
  if (decision !== "approve" && decision !== "deny") {
    const html = messagePage("Invalid request", "decision must be approve or deny.");
    return htmlResponse(html, 400, "invalid_request");
  }
  const live = device as DeviceRecord;
  if (live.status === "pending") live.status = decision === "approve" ? "approved" : "denied";
  return statusPage(live);
}

// Only user codes are accepted here: device codes never travel through a browser.
function findByUserCode(context: EmulatorContext, userCode: string): DeviceRecord | undefined {
  const wanted = userCode.trim().toUpperCase();
  for (const device of context.store.devices.values()) {
    if (device.userCode === wanted) return device;
  }
  return undefined;
}

function problemWith(
  context: EmulatorContext,
  device: DeviceRecord | undefined,
): EmulatorResponse | undefined {
  if (device === undefined) {
    const html = messagePage("Unknown code", "No device authorization has this code.");
    return htmlResponse(html, 404, "unknown_code");
  }
  if (device.expiresAt <= context.store.now()) {
    const html = messagePage("Code expired", "This code has expired; start again on the device.");
    return htmlResponse(html, 400, "expired_code");
  }
  return undefined;
}

function statusPage(device: DeviceRecord): EmulatorResponse {
  if (device.status === "approved") {
    return htmlResponse(messagePage("Request approved", "You can close this window."));
  }
  if (device.status === "denied") {
    return htmlResponse(messagePage("Request denied", "The device will not get access."));
  }
  return htmlResponse(messagePage("Request pending", "This request is still pending."));
}
