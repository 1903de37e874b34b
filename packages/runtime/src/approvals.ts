/**
 * Human approvals: the waits a definition marks as approvals, and the decisions people make on
 * them. A decision is an event addressed to one wait, so approvals in parallel branches or in
 * sequence never take one another's decisions; exactly one decision counts per wait.
 */
import { randomUUID } from "node:crypto";
import { deciderRefusal, type Decider } from "@flowcraft/access";
import type { Database } from "@flowcraft/db";
import type { ApprovalRequest, Json } from "@flowcraft/engine";
import { TERMINAL_STATUSES, type RuntimeStatus } from "@flowcraft/engine";
import { conflict, forbidden, invalid, notFound } from "./errors.ts";
import { withTraceparent } from "./tracing.ts";
import { announce, INBOX_CHANNEL } from "./notifier.ts";
import {
  approvalsOf,
  decodeInboxCursor,
  encodeInboxCursor,
  OPEN_APPROVALS_PAGE_SQL,
  type OpenApprovalPageRow,
  type OpenApprovalRow,
} from "./approvals-sql.ts";
import { MAX_PAGE_SIZE } from "./page-limits.ts";
import type { TurnMessage } from "./turn.ts";

type RaisedEvent = Extract<TurnMessage, { kind: "event" }>["data"];

export const APPROVAL_DECISIONS = ["approved", "rejected"] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** An approval someone may decide now. */
export interface PendingApproval {
  instanceId: string;
  workflowName: string;
  workflowVersion: number;
  /** The run of the instance the wait belongs to; a monitor's continue-as-new starts the next one. */
  generation: number;
  /** The wait's key in the instance (node id, with map iterations: "orders[2].approve"). */
  waitId: string;
  node: string;
  event: string;
  /** What is being approved: the approval's summary expression, evaluated when the wait began. */
  summary: Json;
  /** The same in words for a page or a list: the summary as text, or the wait's node and event when there is none. */
  title: string;
  approvers: string[];
  groups: string[];
  /** The step keeps out whoever started the instance: `startedBy` may not decide. */
  excludeStarter: boolean;
  startedBy: string | null;
  /** When the wait began. */
  since: string;
  /** When the wait times out, if it does. */
  timeoutAt: string | null;
}

/** The payload a decision raises: what the workflow's next steps read as `steps.<wait>`. */
export interface ApprovalPayload {
  decision: ApprovalDecision;
  approver: string;
  comment: string | null;
  decidedAt: string;
}

export interface PendingFilter {
  instanceId?: string;
  workflowName?: string;
  /** At most this many; 100 unless said, never more than 1,000. */
  limit?: number;
  /** From `nextCursor` of the previous page. */
  cursor?: string;
}

export interface PendingApprovalPage {
  approvals: PendingApproval[];
  /** Every approval the filter leaves, on this page and the others. */
  total: number;
  nextCursor: string | null;
}

const DEFAULT_INBOX_PAGE = 100;

export interface DecideInput {
  decision: ApprovalDecision;
  /** Who decides: recorded as the approver, and checked against who the approval step allows. */
  decider: Decider;
  comment?: string;
  /** Makes a retried request a no-op, as for any raised event. */
  eventId?: string;
  /**
   * The generation the decider saw the wait in (a link names it): a monitor that continued as new
   * has a wait of the same id in its next generation, which this decision is not for.
   */
  generation?: number;
}

const MAX_COMMENT_LENGTH = 2_000;

export class Approvals {
  constructor(private readonly db: Database) {}

  /**
   * The approvals waiting for a decision, oldest first, a page at a time; all of them, those of one
   * workflow or those of one instance. `total` counts every one the filter leaves, not only this page.
   */
  async pending(filter: PendingFilter = {}): Promise<PendingApprovalPage> {
    const limit = Math.min(Math.max(filter.limit ?? DEFAULT_INBOX_PAGE, 1), MAX_PAGE_SIZE);
    const after = filter.cursor ? decodeInboxCursor(filter.cursor) : null;
    const { rows } = await this.db.pool.query<OpenApprovalPageRow>(OPEN_APPROVALS_PAGE_SQL, [
      filter.instanceId ?? null,
      filter.workflowName ?? null,
      null,
      null,
      after?.at ?? null,
      after?.instanceId ?? null,
      after?.seq ?? null,
      limit + 1,
    ]);
    const found = approvalsOf(rows);
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      approvals: page.map(toPendingApproval),
      total: rows[0]?.total ?? 0,
      nextCursor: found.length > limit && last ? encodeInboxCursor({ at: last.at, instanceId: last.instance_id, seq: last.seq }) : null,
    };
  }

  /** The approval waiting at `waitId` of the instance, if it still waits for a decision. */
  async waitingAt(instanceId: string, waitId: string): Promise<PendingApproval | null> {
    const { rows } = await this.db.pool.query<OpenApprovalPageRow>(OPEN_APPROVALS_PAGE_SQL, [instanceId, null, waitId, null, null, null, null, 1]);
    const [approval] = approvalsOf(rows);
    return approval ? toPendingApproval(approval) : null;
  }

  /**
   * The instance's approvals that wait for the event `event`, oldest first, at most `limit`: those
   * an event raised by that name is meant to decide.
   */
  async waitingFor(instanceId: string, event: string, limit: number): Promise<PendingApproval[]> {
    const { rows } = await this.db.pool.query<OpenApprovalPageRow>(OPEN_APPROVALS_PAGE_SQL, [instanceId, null, null, event, null, null, null, limit]);
    return approvalsOf(rows).map(toPendingApproval);
  }

  /**
   * Records a decision for one waiting approval. Refused, saying why, when the wait is already
   * decided, has timed out, or its instance has ended: a decision never changes an outcome twice.
   */
  async decide(instanceId: string, waitId: string, input: DecideInput): Promise<ApprovalPayload> {
    if (!input.decider.name.trim()) throw invalid("a decision needs the name of who decides");
    if ((input.comment?.length ?? 0) > MAX_COMMENT_LENGTH) throw invalid(`comment is longer than ${MAX_COMMENT_LENGTH} characters`);
    const payload: ApprovalPayload = {
      decision: input.decision,
      approver: input.decider.name.trim().slice(0, 200),
      comment: input.comment?.trim() || null,
      decidedAt: new Date().toISOString(),
    };
    await this.db.prisma.$transaction(async (tx) => {
      // Locks the instance row: two people deciding at once are served one after the other, and
      // the second finds the first's decision.
      const [instance] = await tx.$queryRaw<Array<{ status: RuntimeStatus; generation: number; started_by: string | null }>>`
        SELECT status, generation, started_by FROM instance WHERE id = ${instanceId} FOR UPDATE`;
      if (!instance) throw notFound(`there is no instance "${instanceId.slice(0, 200)}"`);
      if (input.generation !== undefined && input.generation !== instance.generation) {
        throw conflict(
          `instance "${instanceId}" has continued as new since (it is in generation ${instance.generation}), and this decision was made for an earlier run (generation ${input.generation})`,
        );
      }
      const wait = await waitAt(tx, instanceId, instance.generation, waitId);
      const ended = TERMINAL_STATUSES.has(instance.status)
        ? conflict(`instance "${instanceId}" has ended (${instance.status}); its approvals are closed`)
        : null;
      if (!wait) throw ended ?? notWaiting(instanceId, waitId);
      if (!wait.approval) throw conflict(`"${waitId}" waits for the event "${wait.event}", not for an approval`);
      const refusal = deciderRefusal(wait.approval, input.decider, instance.started_by);
      if (refusal) throw forbidden(refusal);
      const earlier = await earlierDecision(tx, instanceId, instance.generation, waitId, !wait.open);
      if (earlier) {
        throw conflict(`"${waitId}" is already decided: ${earlier.decision} by ${earlier.approver} at ${earlier.decidedAt}; this decision changes nothing`);
      }
      if (wait.timed_out) {
        throw conflict(`the approval "${waitId}" timed out at ${wait.due_at!.toISOString()}; the instance has taken its timeout path`);
      }
      // Checked last: who decided first, or that time ran out, tells the latecomer more.
      if (ended) throw ended;
      if (!wait.open) throw notWaiting(instanceId, waitId);
      const message: RaisedEvent = {
        eventId: input.eventId ?? randomUUID(),
        name: wait.event,
        // A plain object is Json; the interface alone does not say so.
        payload: { ...payload },
        raisedBy: payload.approver,
        waitId,
        generation: instance.generation,
      };
      await tx.$executeRaw`INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
        VALUES (${instanceId}, 'event', ${JSON.stringify(withTraceparent(message))}::jsonb, ${decisionKey(instance.generation, waitId)})`;
    });
    announce(this.db.pool, INBOX_CHANNEL);
    return payload;
  }
}

/** One decision per wait and generation: a second insert with this key is refused by the inbox. */
const decisionKey = (generation: number, waitId: string) => `approval:${generation}:${waitId}`;

const notWaiting = (instanceId: string, waitId: string) => conflict(`instance "${instanceId}" is not waiting at "${waitId}"`);

type Tx = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

/** An event wait as it began, whether it is still open, and whether its timeout is past. */
interface WaitState {
  event: string;
  approval: ApprovalRequest | null;
  due_at: Date | null;
  timed_out: boolean;
  open: boolean;
}

/**
 * The event wait at `waitId`: from open_wait while it is open; once it has closed, from history,
 * which only says what it was, for telling the decider why it no longer waits.
 */
async function waitAt(tx: Tx, instanceId: string, generation: number, waitId: string): Promise<WaitState | null> {
  const [open] = await tx.$queryRaw<WaitState[]>`
    SELECT event, approval, due_at, coalesce(due_at <= now(), false) AS timed_out, true AS open
    FROM open_wait WHERE instance_id = ${instanceId} AND generation = ${generation} AND wait_id = ${waitId} AND kind <> 'timer'`;
  if (open) return open;
  const [closed] = await tx.$queryRaw<WaitState[]>`
    SELECT data->>'event' AS event, data->'approval' AS approval, (data->>'timeoutAt')::timestamptz AS due_at,
           coalesce((data->>'timeoutAt')::timestamptz <= now(), false) AS timed_out, false AS open
    FROM history_event
    WHERE instance_id = ${instanceId} AND generation = ${generation} AND type = 'event_wait_started' AND data->>'waitId' = ${waitId}`;
  return closed ?? null;
}

/**
 * The decision already made for a wait: queued, or (`recorded`: for a wait no longer open) raised
 * or consumed. An open wait has none recorded: either would have closed it.
 */
async function earlierDecision(tx: Tx, instanceId: string, generation: number, waitId: string, recorded: boolean): Promise<ApprovalPayload | null> {
  const rows = await tx.$queryRaw<Array<{ payload: Partial<ApprovalPayload> & Record<string, unknown> }>>`
    SELECT data->'payload' AS payload FROM inbox_message WHERE instance_id = ${instanceId} AND dedupe_key = ${decisionKey(generation, waitId)}
    UNION ALL
    SELECT (r.data->'payload')::jsonb FROM history_event r
    WHERE ${recorded} AND r.instance_id = ${instanceId} AND r.generation = ${generation} AND r.type = 'event_raised'
      AND (r.data->>'waitId' = ${waitId} OR r.seq IN (
        SELECT (c.data->>'raisedSeq')::int FROM history_event c
        WHERE c.instance_id = ${instanceId} AND c.generation = ${generation} AND c.type = 'event_consumed' AND c.data->>'waitId' = ${waitId}))
    LIMIT 1`;
  const payload = rows[0]?.payload;
  if (rows.length === 0) return null;
  // In histories stored before approvals took only decisions addressed to them, an event raised
  // by name may have decided it, whatever its shape.
  return {
    decision: payload?.decision === "rejected" ? "rejected" : "approved",
    approver: typeof payload?.approver === "string" ? payload.approver : "an event raised through the API",
    comment: typeof payload?.comment === "string" ? payload.comment : null,
    decidedAt: typeof payload?.decidedAt === "string" ? payload.decidedAt : "an earlier time",
  };
}

function titleOf(summary: Json, node: string, event: string): string {
  if (summary === null || summary === "") return `${node} (${event})`;
  return typeof summary === "string" ? summary : JSON.stringify(summary);
}

function toPendingApproval(row: OpenApprovalRow): PendingApproval {
  const { approval, node, event } = row;
  return {
    instanceId: row.instance_id,
    workflowName: row.workflow_name,
    workflowVersion: row.workflow_version,
    generation: row.generation,
    waitId: row.wait_id,
    node,
    event,
    summary: approval.summary ?? null,
    title: titleOf(approval.summary ?? null, node, event),
    approvers: approval.approvers ?? [],
    groups: approval.groups ?? [],
    excludeStarter: approval.excludeStarter === true,
    startedBy: row.started_by,
    since: row.at.toISOString(),
    timeoutAt: row.due_at?.toISOString() ?? null,
  };
}
