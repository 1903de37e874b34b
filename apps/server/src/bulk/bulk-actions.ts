/**
 * Bulk actions on the server's side: who may ask for one (the single action's permission, from
 * the one role table), the audit entry of its creation, and the single-instance operations the
 * workers run for each instance, as the job's creator, so that history and the audit log read as
 * if they had acted on each by hand.
 */
import { isRole, rolesWords, type Permission } from "@flowcraft/access";
import type { Json } from "@flowcraft/engine";
import { ClientError, type Approvals, type BulkAction, type BulkJobs, type BulkJobView, type BulkPerformer, type Instances } from "@flowcraft/runtime";
import { AccessError, forbidden } from "../accounts/access-errors.ts";
import type { AuditLog } from "../accounts/audit.ts";
import { purgeAudited } from "../accounts/audited-purge.ts";
import { raiseEventAs } from "../accounts/raise-event-as.ts";
import { may, type Principal } from "../accounts/roles.ts";
import { specOf, type BulkRequest } from "./bulk-request.ts";

/** The permission each bulk action takes: that of the action on one instance. */
export const BULK_ACTION_NEEDS: Record<BulkAction, Permission> = {
  terminate: "operate",
  suspend: "operate",
  resume: "operate",
  rerun: "operate",
  purge: "operate",
  raise_event: "operate",
};

/** Ids an audit entry lists; `instanceIdCount` counts them all. */
const IDS_AUDITED = 100;

export async function createBulkJob(jobs: BulkJobs, audit: AuditLog, caller: Principal, request: BulkRequest): Promise<BulkJobView> {
  const need = BULK_ACTION_NEEDS[request.action];
  if (!may(caller, need)) throw forbidden(`${caller.name} may not ${request.action} instances: that takes ${rolesWords(need)}`);
  const spec = specOf(request);
  const job = await jobs.create(spec, caller);
  const { payload: _payload, ...parameters } = spec.parameters;
  await audit.record({
    actor: caller.name,
    action: "bulk_job.created",
    target: job.jobId,
    details: {
      action: job.action,
      parameters,
      ...(spec.filter ? { filter: spec.filter } : { instanceIds: spec.instanceIds!.slice(0, IDS_AUDITED), instanceIdCount: job.instanceIdCount }),
      matched: job.matched,
    },
  });
  return job;
}

export async function cancelBulkJob(jobs: BulkJobs, audit: AuditLog, caller: Principal, jobId: string): Promise<BulkJobView> {
  const job = await jobs.cancel(jobId, caller.name);
  await audit.record({ actor: caller.name, action: "bulk_job.cancelled", target: jobId, details: { action: job.action, done: job.done, matched: job.matched } });
  return job;
}

/** What the workers do to each instance of a job: the single operation, as its creator. */
export function bulkPerformer(services: { instances: Instances; approvals: Approvals; audit: AuditLog }): BulkPerformer {
  const { instances, audit } = services;
  return async ({ jobId, action, parameters, creator }, instanceId) => {
    const by = creator.name;
    const reason = parameters.reason ? { reason: parameters.reason } : {};
    try {
      switch (action) {
        case "terminate":
        case "suspend":
        case "resume":
          return await instances[action](instanceId, { ...reason, by });
        case "rerun":
          await instances.rerun(instanceId, parameters.mode!, { ...(parameters.version ? { version: parameters.version } : {}), by });
          return;
        case "purge":
          return await purgeAudited(instances, audit, instanceId, by);
        case "raise_event": {
          const principal: Principal = { kind: creator.kind, name: by, roles: creator.roles.filter(isRole), groups: creator.groups };
          // One event id per job and instance: the instance tells a repeat apart.
          await raiseEventAs(services, principal, instanceId, parameters.eventName!, (parameters.payload ?? null) as Json, `bulk:${jobId}`);
          return;
        }
      }
    } catch (error) {
      // The creator may not decide an approval the event would: a refusal of this instance, not of the job.
      if (error instanceof AccessError) throw new ClientError("forbidden", error.message);
      throw error;
    }
  };
}
