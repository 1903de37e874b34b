/**
 * Deleting ended instances with everything they own: the one path an operator's purge and
 * retention share. History goes first, a bounded number of rows per statement, so that no
 * statement holds many locks or runs long; then the instance rows, which take what is left with
 * them: inbox messages (timers among them), open waits, raised event ids and ended generations
 * through their foreign keys' cascade, and activity tasks (and any history written meanwhile)
 * through the trigger that stands in for theirs (see HistoryEvent in schema.prisma). Children
 * and re-runs point at their parent or origin without a foreign key: they stay readable, and an
 * ended child's report to a purged parent is dropped.
 */
import type pg from "pg";
import type { RuntimeStatus } from "@flowcraft/engine";

/** History rows one statement deletes at most: a few milliseconds of work, never a long lock. */
export const HISTORY_ROWS_PER_DELETE = 5_000;

const ENDED = "('COMPLETED', 'FAILED', 'TERMINATED')";

/** An instance as it was when it was purged: what the audit log keeps of it. */
export interface PurgedInstance {
  instanceId: string;
  workflowName: string;
  workflowVersion: number;
  runtimeStatus: RuntimeStatus;
  createdAt: string;
  endedAt: string | null;
}

/** An audit entry written in the transaction that deletes the instances, or none. */
export type PurgeAudit = (purged: PurgedInstance[]) => { actor: string; action: string; target?: string; details: object } | null;

export interface PurgeOptions {
  /** Only instances this owner holds the lease of (retention claims its batch by lease). */
  leaseOwner?: string;
  audit?: PurgeAudit;
  /** History rows per statement. */
  historyRowsPerDelete?: number;
}

export interface PurgeResult {
  instances: PurgedInstance[];
  historyRows: number;
}

/** Deletes the ended ones among `instanceIds`, their history in bounded statements first. */
export async function purgeEndedInstances(pool: pg.Pool, instanceIds: string[], options: PurgeOptions = {}): Promise<PurgeResult> {
  if (instanceIds.length === 0) return { instances: [], historyRows: 0 };
  const owner = options.leaseOwner ?? null;
  const limit = options.historyRowsPerDelete ?? HISTORY_ROWS_PER_DELETE;
  let historyRows = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM history_event WHERE (instance_id, seq) IN (
         SELECT h.instance_id, h.seq FROM history_event h JOIN instance i ON i.id = h.instance_id
         WHERE i.id = ANY($1::text[]) AND i.status IN ${ENDED} AND ($2::text IS NULL OR i.lease_owner = $2)
         LIMIT $3)`,
      [instanceIds, owner, limit],
    );
    historyRows += rowCount ?? 0;
    if ((rowCount ?? 0) < limit) break;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      `DELETE FROM instance WHERE id = ANY($1::text[]) AND status IN ${ENDED} AND ($2::text IS NULL OR lease_owner = $2)
       RETURNING id, workflow_name, workflow_version, status, created_at, ended_at`,
      [instanceIds, owner],
    );
    const instances = rows.map(purgedFromRow);
    const entry = instances.length > 0 ? options.audit?.(instances) : null;
    if (entry) {
      await client.query("INSERT INTO audit_entry (actor, action, target, details) VALUES ($1, $2, $3, $4::jsonb)", [
        entry.actor,
        entry.action,
        entry.target ?? null,
        JSON.stringify(entry.details),
      ]);
    }
    await client.query("COMMIT");
    return { instances, historyRows };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function purgedFromRow(row: { id: string; workflow_name: string; workflow_version: number; status: string; created_at: Date; ended_at: Date | null }): PurgedInstance {
  return {
    instanceId: row.id,
    workflowName: row.workflow_name,
    workflowVersion: row.workflow_version,
    runtimeStatus: row.status as RuntimeStatus,
    createdAt: row.created_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
