/**
 * Purging an instance, written to the audit log in one step for REST and tRPC alike: the purge
 * deletes the instance's own history, so the log is where it is remembered who purged what.
 */
import type { Instances } from "@flowcraft/runtime";
import type { AuditLog } from "./audit.ts";

export async function purgeAudited(instances: Instances, audit: AuditLog, instanceId: string, actor: string): Promise<void> {
  const purged = await instances.purge(instanceId);
  await audit.record({
    actor,
    action: "instance.purged",
    target: instanceId,
    details: { workflowName: purged.workflowName, workflowVersion: purged.workflowVersion, runtimeStatus: purged.runtimeStatus, createdAt: purged.createdAt },
  });
}
