import type { ApprovalRequest } from "./ApprovalRequest.js";
import { approvalRequestFor } from "./approvalRequestFor.js";
import type { EmulatorContext } from "./EmulatorContext.js";

/**
 * The device and `/authorize` requests still waiting for a decision and not expired,
 * oldest first, described without secrets.
 *
 * @internal
 */
export function pendingApprovals(context: EmulatorContext): ApprovalRequest[] {
  const { store } = context;
  const now = store.now();
  const records = [
    ...[...store.devices.values()].filter((device) => !device.consumed),
    ...[...store.authorizeRequests.values()].filter((request) => !request.completed),
  ].filter((record) => record.status === "pending" && record.expiresAt > now);

  return records
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((record) => approvalRequestFor(context, record));
}
