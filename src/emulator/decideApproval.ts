import { approvalRequestFor } from "./approvalRequestFor.js";
import type { EmulatorContext } from "./EmulatorContext.js";
import type { ApprovalStatus, AuthorizeRecord, DeviceRecord } from "./EmulatorStore.js";

/**
 * Where a request stands after asking the approval hook, if it is still pending and there
 * is one. The hook's first "approve" or "deny" is recorded and final. A hook that throws
 * or answers something else makes this throw, and the request gets a server error.
 *
 * @internal
 */
export async function decideApproval(
  context: EmulatorContext,
  record: DeviceRecord | AuthorizeRecord,
): Promise<ApprovalStatus> {
  const hook = context.options.approvalHook;
  if (record.status !== "pending" || hook === undefined) return record.status;

  const decision = await hook(approvalRequestFor(context, record));

  // The hook may have been slow; a decision made meanwhile (approve/deny) wins.
  if (record.status !== "pending") return record.status;
  if (decision === "approve") record.status = "approved";
  else if (decision === "deny") record.status = "denied";
  else if (decision !== "pending") {
    throw new TypeError('approvalHook must return "approve", "deny" or "pending"');
  }
  return record.status;
}
