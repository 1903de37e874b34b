/**
 * Raising an event as someone, for REST and tRPC alike. An event that an open approval waits for
 * is that approval's decision: only someone who may decide it may raise it, its payload must be a
 * decision, and the caller is recorded as the approver, never a name the payload gives. Any other
 * event is raised as it is; an approval that begins waiting later never takes it, since approvals
 * take only the decisions addressed to them.
 */
import { randomUUID } from "node:crypto";
import { deciderRefusal, rolesWords } from "@flowcraft/access";
import type { Json } from "@flowcraft/engine";
import { APPROVAL_DECISIONS, conflict, invalid, type ApprovalPayload, type Approvals, type Instances, type PendingApproval } from "@flowcraft/runtime";
import { z } from "zod";
import { forbidden } from "./access-errors.ts";
import type { AuditLog } from "./audit.ts";
import { decideAudited } from "./audited-decision.ts";
import { may, type Principal } from "./roles.ts";

export interface RaiseEventServices {
  instances: Instances;
  approvals: Approvals;
  audit: AuditLog;
}

export interface RaisedEvent {
  eventId: string;
  /** Set when the event decided an approval: the decision as the wait's step outputs it. */
  decided?: ApprovalPayload & { waitId: string };
}

/** A decision raised as an event; `approver` is allowed only as the caller's own name. */
const EventDecision = z
  .object({ decision: z.enum(APPROVAL_DECISIONS), comment: z.string().optional(), approver: z.string().optional() })
  .strict();

export async function raiseEventAs(
  { instances, approvals, audit }: RaiseEventServices,
  caller: Principal,
  instanceId: string,
  name: string,
  payload: Json,
  eventId?: string,
): Promise<RaisedEvent> {
  const [wait, another] = await approvals.waitingFor(instanceId, name, 2);
  if (!wait) return instances.raiseEvent(instanceId, name, payload, { ...(eventId ? { eventId } : {}), raisedBy: caller.name });

  if (!may(caller, "approve")) {
    throw forbidden(`${caller.name} may not decide the approval "${wait.waitId}", which waits for "${name}": that takes ${rolesWords("approve")}`);
  }
  // Which one the caller means is not for this route to guess.
  if (another) {
    throw conflict(`several approvals wait for "${name}" (${wait.waitId}, ${another.waitId}); decide one at POST /api/v1/instances/{id}/approvals/{waitId}`);
  }
  const refusal = deciderRefusal(wait, caller, wait.startedBy);
  if (refusal) throw forbidden(refusal);
  const { decision, comment } = decisionIn(payload, wait, caller);
  const id = eventId ?? randomUUID();
  // The wait's generation too: should the instance continue as new meanwhile, this is not for the next run's wait.
  const decided = await decideAudited(approvals, audit, instanceId, wait.waitId, {
    decision,
    decider: caller,
    eventId: id,
    generation: wait.generation,
    ...(comment ? { comment } : {}),
  });
  return { eventId: id, decided: { ...decided, waitId: wait.waitId } };
}

/** The decision a payload makes, or a 400 saying what is wrong with it. */
function decisionIn(payload: Json, wait: PendingApproval, caller: Principal) {
  const expected = `the approval "${wait.waitId}" waits for "${wait.event}", so the payload is its decision: {"decision": "approved" or "rejected", "comment"?}`;
  const parsed = EventDecision.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`);
    throw invalid(`${expected}; ${problems.join("; ")}`);
  }
  const { approver, ...decision } = parsed.data;
  if (approver !== undefined && approver !== caller.name) {
    throw invalid(`${expected}; approver "${approver.slice(0, 200)}" is not who raises it: a decision is recorded as made by its caller, ${caller.name}`);
  }
  return decision;
}
