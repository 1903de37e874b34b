/**
 * Working through bulk jobs: a worker claims one job under a lease (FOR UPDATE SKIP LOCKED, as it
 * claims schedules), acts on its next batch of instances, renews the lease, and goes on until the
 * job is done or cancelled. Every write is guarded by the lease: a worker that lost its lease
 * (it stalled, another took the job over) changes nothing more.
 */
import { queryPrepared, type Database } from "@flowcraft/db";
import type { Instances } from "../instances.ts";
import { ClientError } from "../errors.ts";
import { PROBLEMS_KEPT, selectionOf, type BulkAction, type BulkCreator, type BulkFilter, type BulkParameters, type BulkPerformer } from "./bulk-jobs.ts";

/** How long a claimed job stays this worker's; renewed before each batch, which takes far less. */
export const BULK_LEASE_SECONDS = 60;
/**
 * Failures in a row that end a job as failed: something is wrong beyond any one instance (the
 * action cannot work at all), and going on would only fail every instance left.
 */
export const FAILURES_IN_A_ROW = 20;
/** Instances acted on between two looks at the job (a cancel stops it before the next batch). */
export const DEFAULT_BULK_BATCH_SIZE = 100;

export interface BulkRunOptions {
  batchSize?: number;
  leaseSeconds?: number;
  /** Stops after this many batches, lease kept: tests stand in for a worker that dies. */
  maxBatches?: number;
  /** A stopping worker stops between instances; the job's lease expires and another worker goes on. */
  isRunning?: () => boolean;
}

/** What became of one instance: acted on, refused (with why), or failed. */
type BulkOutcome = { outcome: "done" } | { outcome: "skipped" | "failed"; reason: string };

interface ClaimedJob {
  id: string;
  action: BulkAction;
  parameters: BulkParameters;
  filter: BulkFilter | null;
  instance_ids: string[];
  created_by: string;
  created_by_kind: "account" | "token";
  created_by_roles: string[];
  created_by_groups: string[];
  created_at: Date;
  cursor: string | null;
  in_flight_id: string | null;
}

/** Claims the oldest unfinished job nobody holds and works it through; false when there was none. */
export async function runBulkJob(db: Database, instances: Instances, owner: string, perform: BulkPerformer, options: BulkRunOptions = {}): Promise<boolean> {
  const leaseSeconds = options.leaseSeconds ?? BULK_LEASE_SECONDS;
  const { rows } = await queryPrepared<ClaimedJob>(
    db.pool,
    "flowcraft_claim_bulk_job",
    `WITH next AS (
       SELECT id FROM bulk_job
       WHERE status IN ('queued', 'running') AND (lease_expires_at IS NULL OR lease_expires_at < now())
       ORDER BY created_at LIMIT 1
       FOR UPDATE SKIP LOCKED
     )
     UPDATE bulk_job j SET status = 'running', lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2),
       started_at = coalesce(j.started_at, now()), updated_at = now()
     FROM next WHERE j.id = next.id
     RETURNING j.id, j.action, j.parameters, j.filter, j.instance_ids, j.created_by, j.created_by_kind, j.created_by_roles,
       j.created_by_groups, j.created_at, j.cursor, j.in_flight_id`,
    [owner, leaseSeconds],
  );
  const claimed = rows[0];
  if (!claimed) return false;
  await new JobRun(db, instances, owner, perform, claimed, leaseSeconds).run(options);
  return true;
}

class JobRun {
  private readonly creator: BulkCreator;

  constructor(
    private readonly db: Database,
    private readonly instances: Instances,
    private readonly owner: string,
    private readonly perform: BulkPerformer,
    private readonly job: ClaimedJob,
    private readonly leaseSeconds: number,
  ) {
    this.creator = { kind: job.created_by_kind, name: job.created_by, roles: job.created_by_roles, groups: job.created_by_groups };
  }

  async run({ batchSize = DEFAULT_BULK_BATCH_SIZE, maxBatches = Infinity, isRunning = () => true }: BulkRunOptions) {
    // The worker before this one stopped while acting on it: whether it did is unknown, and doing it twice is worse.
    if (this.job.in_flight_id !== null) {
      const reason = "the worker acting on it stopped before it could record the outcome; it is not acted on again";
      if (!(await this.settle(this.job.in_flight_id, { outcome: "failed", reason }))) return;
    }
    let cursor = this.job.cursor;
    let failuresInARow = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const state = await this.renewLease();
      if (state === null) return;
      if (state.cancelRequested) return this.finish("cancelled");
      const ids = await this.nextIds(cursor, batchSize);
      if (ids.length === 0) return this.finish("completed");
      for (const id of ids) {
        if (!isRunning()) return this.release();
        if (!(await this.take(id))) return;
        const outcome = await this.actOn(id);
        if (!(await this.settle(id, outcome))) return;
        cursor = id;
        failuresInARow = outcome.outcome === "failed" ? failuresInARow + 1 : 0;
        if (failuresInARow >= FAILURES_IN_A_ROW) return this.finish("failed");
      }
    }
  }

  private nextIds(cursor: string | null, limit: number): Promise<string[]> | string[] {
    if (this.job.filter === null) {
      const ids = this.job.instance_ids;
      const from = cursor === null ? 0 : ids.findIndex((id) => id > cursor);
      return from < 0 ? [] : ids.slice(from, from + limit);
    }
    return this.instances.idsMatching(selectionOf(this.job.filter), { afterId: cursor, createdAtMost: this.job.created_at, limit });
  }

  private async actOn(instanceId: string): Promise<BulkOutcome> {
    try {
      await this.perform({ jobId: this.job.id, action: this.job.action, parameters: this.job.parameters, creator: this.creator }, instanceId);
      return { outcome: "done" };
    } catch (error) {
      return outcomeOf(error);
    }
  }

  /** Keeps the job this worker's for another lease; null when it no longer is. */
  private async renewLease(): Promise<{ cancelRequested: boolean } | null> {
    const { rows } = await queryPrepared<{ cancel_requested: boolean }>(
      this.db.pool,
      "flowcraft_renew_bulk_job",
      `UPDATE bulk_job SET lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
       WHERE id = $1 AND lease_owner = $2 AND status = 'running'
       RETURNING cancel_requested_by IS NOT NULL AS cancel_requested`,
      [this.job.id, this.owner, this.leaseSeconds],
    );
    return rows[0] ? { cancelRequested: rows[0].cancel_requested } : null;
  }

  /** Marks the instance taken, before acting on it; false when the lease is lost. */
  private async take(instanceId: string): Promise<boolean> {
    const { rowCount } = await queryPrepared(
      this.db.pool,
      "flowcraft_take_bulk_instance",
      `UPDATE bulk_job SET cursor = $3, in_flight_id = $3
       WHERE id = $1 AND lease_owner = $2 AND status = 'running' AND in_flight_id IS NULL`,
      [this.job.id, this.owner, instanceId],
    );
    return rowCount === 1;
  }

  /** Counts what became of the taken instance; false when the lease is lost. */
  private async settle(instanceId: string, result: BulkOutcome): Promise<boolean> {
    const problem = result.outcome === "done" ? null : JSON.stringify([{ instanceId, outcome: result.outcome, reason: result.reason.slice(0, 500) }]);
    const { rowCount } = await queryPrepared(
      this.db.pool,
      "flowcraft_settle_bulk_instance",
      `UPDATE bulk_job SET in_flight_id = NULL, updated_at = now(),
         done = done + ($4 = 'done')::int, skipped = skipped + ($4 = 'skipped')::int, failed = failed + ($4 = 'failed')::int,
         problems = CASE WHEN $5::jsonb IS NOT NULL AND jsonb_array_length(problems) < $6 THEN problems || $5::jsonb ELSE problems END,
         last_error = CASE WHEN $4 = 'failed' THEN $7 ELSE last_error END
       WHERE id = $1 AND lease_owner = $2 AND status = 'running' AND in_flight_id = $3`,
      [this.job.id, this.owner, instanceId, result.outcome, problem, PROBLEMS_KEPT, result.outcome === "failed" ? result.reason.slice(0, 2000) : null],
    );
    return rowCount === 1;
  }

  /** Gives the job back at once, for the next worker to go on with. */
  private async release() {
    await queryPrepared(
      this.db.pool,
      "flowcraft_release_bulk_job",
      "UPDATE bulk_job SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_owner = $2 AND in_flight_id IS NULL",
      [this.job.id, this.owner],
    );
  }

  private async finish(status: "completed" | "cancelled" | "failed") {
    await queryPrepared(
      this.db.pool,
      "flowcraft_finish_bulk_job",
      `UPDATE bulk_job SET status = $3, finished_at = now(), updated_at = now(), lease_owner = NULL, lease_expires_at = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'running'`,
      [this.job.id, this.owner, status],
    );
  }
}

/**
 * A refusal the single action would answer with a 4xx (the instance has ended, is gone, is not
 * suspended; the creator may not decide its approval) is a skip with its reason; anything else is
 * a failure.
 */
function outcomeOf(error: unknown): BulkOutcome {
  const message = error instanceof Error ? error.message : String(error);
  return { outcome: error instanceof ClientError ? "skipped" : "failed", reason: message };
}
