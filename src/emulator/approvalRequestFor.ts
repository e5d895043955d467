import type { ApprovalRequest } from "./ApprovalRequest.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { AuthorizeRecord, DeviceRecord } from "./EmulatorStore.js";

/** The secret-free description of a device or authorize request. @internal */
export function approvalRequestFor(
  context: EmulatorContext,
  record: DeviceRecord | AuthorizeRecord,
): ApprovalRequest {
  const client = context.store.clients.get(record.clientId);
  const base = {
    clientId: record.clientId,
    clientName: client?.clientName ?? "",
    scopes: [...(client?.scopes ?? [])],
    createdAt: new Date(record.createdAt),
    expiresAt: new Date(record.expiresAt),
  };

  if ("deviceCode" in record) {
    return {
      kind: "device",
      ...base,
      userCode: record.userCode,
      startUrl: record.startUrl,
      verificationUriComplete: deviceVerificationUri(context, record.userCode),
    };
  }
  return {
    kind: "authorize",
    ...base,
    id: record.id,
    redirectUri: record.redirectUri,
    continueUrl: `${context.url}/authorize/continue?request=${encodeURIComponent(record.id)}`,
  };
}

/** The device page, with the user code filled in when given. @internal */
export function deviceVerificationUri(context: EmulatorContext, userCode?: string): string {
  const base = `${context.url}/device`;
  return userCode === undefined ? base : `${base}?user_code=${encodeURIComponent(userCode)}`;
}
