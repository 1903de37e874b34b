/**
 * Setting a workflow's retention, written to the audit log for REST and tRPC alike: a shorter
 * retention deletes instances sooner, so who changed it, and from what, is kept.
 */
import type { RetentionView, WorkflowRetention } from "@flowcraft/runtime";
import type { AuditLog } from "./audit.ts";

export async function setRetentionAudited(retention: WorkflowRetention, audit: AuditLog, workflowName: string, setting: unknown, actor: string): Promise<RetentionView> {
  const { before, after } = await retention.set(workflowName, setting);
  await audit.record({
    actor,
    action: "workflow.retention_changed",
    target: workflowName,
    details: { from: before.retentionDays, to: after.retentionDays, defaultRetentionDays: after.defaultRetentionDays },
  });
  return after;
}
