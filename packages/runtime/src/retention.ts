/**
 * Retention: ended instances (completed, failed, terminated) are purged once they have been over
 * for their workflow's retention period, or the installation's when the workflow sets none; 0
 * keeps them for ever. Workers do it beside their loops: each batch is claimed under the instances'
 * own lease (so no two workers, and no decision turn, take the same instance), deleted through
 * the operator's purge path, and written to the audit log as one entry in the same transaction.
 */
import type { Database } from "@flowcraft/db";
import type pg from "pg";
import { z } from "zod";
import { purgeEndedInstances, type PurgedInstance } from "./instance-purge.ts";
import { workflowNotFound } from "./workflows.ts";

/** How long ended instances are kept when neither the installation nor the workflow says. */
export const DEFAULT_RETENTION_DAYS = 30;
/** A hundred years: anything longer is "for ever", which is 0. */
export const MAX_RETENTION_DAYS = 36_500;
/** Instances one batch claims and deletes: one short transaction for the rows, history before it in bounded statements. */
export const INSTANCES_PER_PURGE = 500;
/** Batches per round at most, so one round never holds a connection for long. */
const BATCHES_PER_ROUND = 4;
/** How long a claimed batch stays a worker's: far longer than a batch takes; a crashed worker's batch is taken again after it. */
const PURGE_LEASE_SECONDS = 300;
/** Who the audit log says purged instances by retention. */
export const RETENTION_ACTOR = "retention";

/** A workflow's setting: days, 0 for ever, or null to follow the installation. */
export const RetentionSettingSchema = z
  .object({
    retentionDays: z.number().int().min(0).max(MAX_RETENTION_DAYS).nullable().describe("Days ended instances are kept; 0 keeps them for ever; null follows the installation's default"),
  })
  .strict();
export type RetentionSetting = z.infer<typeof RetentionSettingSchema>;

export interface RetentionView {
  workflowName: string;
  /** The workflow's own setting; null when it follows the installation. */
  retentionDays: number | null;
  /** The installation's default (FLOWCRAFT_RETENTION_DAYS). */
  defaultRetentionDays: number;
  /** What applies: the workflow's setting, else the default; 0 keeps instances for ever. */
  effectiveRetentionDays: number;
}

export interface RetentionOptions {
  /** The installation's retention in days; 0 keeps ended instances for ever. */
  defaultDays: number;
  /** The clock retention counts against; the database's by default. */
  now?: Date;
  /** Instances per batch. */
  limit?: number;
  /** History rows per delete statement. */
  historyRowsPerDelete?: number;
}

export interface PurgeBatch {
  instances: PurgedInstance[];
  historyRows: number;
}

/** Reading and setting a workflow's retention, for the APIs. */
export class WorkflowRetention {
  constructor(
    private readonly db: Database,
    private readonly defaultDays: number,
  ) {}

  async get(workflowName: string): Promise<RetentionView> {
    const row = await this.db.prisma.workflow.findUnique({ where: { name: workflowName }, select: { retentionDays: true } });
    if (!row) throw workflowNotFound(workflowName);
    return this.view(workflowName, row.retentionDays);
  }

  /** Sets it; returns the setting as it was before and as it is now. */
  async set(workflowName: string, raw: unknown): Promise<{ before: RetentionView; after: RetentionView }> {
    const { retentionDays } = RetentionSettingSchema.parse(raw);
    const [row] = await this.db.prisma.$queryRaw<Array<{ before: number | null }>>`
      UPDATE workflow w SET retention_days = ${retentionDays}
      FROM (SELECT name, retention_days AS before FROM workflow WHERE name = ${workflowName} FOR UPDATE) old
      WHERE w.name = old.name
      RETURNING old.before`;
    if (!row) throw workflowNotFound(workflowName);
    return { before: this.view(workflowName, row.before), after: this.view(workflowName, retentionDays) };
  }

  private view(workflowName: string, retentionDays: number | null): RetentionView {
    return { workflowName, retentionDays, defaultRetentionDays: this.defaultDays, effectiveRetentionDays: retentionDays ?? this.defaultDays };
  }
}

/**
 * Claims and purges one batch of instances past their retention, oldest ended first; null when
 * none is due. Instances another worker holds (a batch of its own, a turn dropping late messages)
 * are skipped, not waited for.
 */
export async function purgeExpiredBatch(pool: pg.Pool, owner: string, options: RetentionOptions): Promise<PurgeBatch | null> {
  const limit = options.limit ?? INSTANCES_PER_PURGE;
  const { rows } = await pool.query<{ id: string; retention_days: number; from_workflow: boolean }>(
    `WITH now AS (SELECT coalesce($1::timestamptz, now()) AS at),
     -- The shortest retention anywhere bounds the scan of the ended_at index.
     shortest AS (
       SELECT min(days) AS days FROM (SELECT $2::int AS days WHERE $2::int > 0 UNION ALL SELECT retention_days FROM workflow WHERE retention_days > 0) d
     ),
     due AS (
       SELECT i.id, coalesce(w.retention_days, $2::int) AS retention_days, w.retention_days IS NOT NULL AS from_workflow
       FROM instance i LEFT JOIN workflow w ON w.name = i.workflow_name
       WHERE i.ended_at <= (SELECT at FROM now) - make_interval(days => (SELECT days FROM shortest))
         AND i.status IN ('COMPLETED', 'FAILED', 'TERMINATED')
         AND coalesce(w.retention_days, $2::int) > 0
         AND i.ended_at <= (SELECT at FROM now) - make_interval(days => coalesce(w.retention_days, $2::int))
         AND (i.lease_expires_at IS NULL OR i.lease_expires_at < now())
       ORDER BY i.ended_at
       LIMIT $3
       FOR UPDATE OF i SKIP LOCKED
     )
     UPDATE instance i SET lease_owner = $4, lease_expires_at = now() + make_interval(secs => $5)
     FROM due WHERE i.id = due.id
     RETURNING i.id, due.retention_days, due.from_workflow`,
    [options.now ?? null, options.defaultDays, limit, owner, PURGE_LEASE_SECONDS],
  );
  if (rows.length === 0) return null;
  const policies = new Map(rows.map((row) => [row.id, { retentionDays: row.retention_days, policy: row.from_workflow ? ("workflow" as const) : ("installation" as const) }]));
  return purgeEndedInstances(pool, [...policies.keys()], {
    leaseOwner: owner,
    historyRowsPerDelete: options.historyRowsPerDelete,
    audit: (purged) => ({
      actor: RETENTION_ACTOR,
      action: "instances.purged",
      details: {
        reason: "retention",
        defaultRetentionDays: options.defaultDays,
        count: purged.length,
        groups: auditGroups(purged, policies),
      },
    }),
  });
}

/** A group of the audit entry: the instances purged of one workflow version, outcome and policy. */
export interface PurgedGroup {
  workflowName: string;
  workflowVersion: number;
  runtimeStatus: string;
  retentionDays: number;
  policy: "workflow" | "installation";
  /** The earliest and latest end among them. */
  endedFrom: string | null;
  endedTo: string | null;
  instanceIds: string[];
}

/**
 * The batch's instances grouped by workflow version, outcome and policy: a batch of 500 names
 * each instance once, without repeating what they share, so the entry stays small enough to list.
 */
function auditGroups(purged: PurgedInstance[], policies: Map<string, { retentionDays: number; policy: "workflow" | "installation" }>): PurgedGroup[] {
  const groups = new Map<string, PurgedGroup>();
  for (const instance of purged) {
    const { retentionDays, policy } = policies.get(instance.instanceId)!;
    const key = JSON.stringify([instance.workflowName, instance.workflowVersion, instance.runtimeStatus, retentionDays, policy]);
    const group = groups.get(key) ?? {
      workflowName: instance.workflowName,
      workflowVersion: instance.workflowVersion,
      runtimeStatus: instance.runtimeStatus,
      retentionDays,
      policy,
      endedFrom: instance.endedAt,
      endedTo: instance.endedAt,
      instanceIds: [],
    };
    group.instanceIds.push(instance.instanceId);
    // ISO times in UTC sort as strings.
    if (instance.endedAt !== null) {
      if (group.endedFrom === null || instance.endedAt < group.endedFrom) group.endedFrom = instance.endedAt;
      if (group.endedTo === null || instance.endedAt > group.endedTo) group.endedTo = instance.endedAt;
    }
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** One round: batches until none is due, or the round's bound. `more` says whether it stopped at the bound. */
export async function purgeExpiredRound(pool: pg.Pool, owner: string, options: RetentionOptions): Promise<{ instances: number; historyRows: number; more: boolean }> {
  const total = { instances: 0, historyRows: 0, more: false };
  for (let batch = 0; batch < BATCHES_PER_ROUND; batch++) {
    const purged = await purgeExpiredBatch(pool, owner, options);
    if (!purged) return total;
    total.instances += purged.instances.length;
    total.historyRows += purged.historyRows;
  }
  return { ...total, more: true };
}
