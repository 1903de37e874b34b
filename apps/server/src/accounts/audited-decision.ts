/** A decision on an approval, made and written to the audit log in one step for REST and tRPC alike. */
import type { ApprovalPayload, Approvals, DecideInput } from "@flowcraft/runtime";
import type { AuditLog } from "./audit.ts";

export async function decideAudited(approvals: Approvals, audit: AuditLog, instanceId: string, waitId: string, input: DecideInput): Promise<ApprovalPayload> {
  const decided = await approvals.decide(instanceId, waitId, input);
  await audit.record({
    actor: decided.approver,
    action: "approval.decided",
    target: `${instanceId} ${waitId}`,
    details: { decision: decided.decision, comment: decided.comment, decidedAt: decided.decidedAt },
  });
  return decided;
}
