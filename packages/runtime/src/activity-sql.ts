/** The hot-path SQL of activity execution: claim tasks, renew their leases, and turn results into inbox messages. */
import type { Json } from "@flowcraft/engine";
import type pg from "pg";
import { queryPrepared } from "@flowcraft/db";
import { announce, INBOX_CHANNEL, TASKS_CHANNEL } from "./notifier.ts";
import type { TaskLease } from "./task-leases.ts";
import type { ActivityResult, ActivityTask } from "./turn.ts";

/**
 * How long a task sticky to the worker that decided it waits for that worker before others may
 * take it. The deciding worker holds the instance in memory: its result then goes straight to the
 * next decision, where from another worker it would take an inbox row, a claim of the instance and
 * a read of its history. Long enough for a busy worker to come round to its queued tasks, short
 * next to how long a task of an overloaded worker would wait anyway.
 */
export const STICKY_TASK_SECONDS = 1;

export interface ClaimedTask extends ActivityTask {
  id: number;
  /** Earlier runs of this attempt whose worker was lost before answering. */
  lostRuns?: number;
  /** Seconds from when the task became visible to its claim; absent for a task stored leased by a decision. */
  waitedSeconds?: number;
}

/**
 * Leases up to `limit` visible tasks of the given activities. The lease is the task's visibility:
 * short, and renewed by the worker while it holds the task (`renewTaskLeases`), so the task of a
 * worker that died becomes visible again within seconds. Each claim starts a run of the attempt,
 * which its timeout bounds: the lease never reaches past the run's deadline plus the grace period.
 * A task sticky to another worker is left to it until it has been visible for STICKY_TASK_SECONDS.
 */
export async function claimTasks(db: pg.Pool, owner: string, activities: string[], lease: TaskLease, limit: number): Promise<ClaimedTask[]> {
  const { rows } = await queryPrepared(
    db,
    "flowcraft_claim_tasks",
    `UPDATE activity_task t SET lease_owner = $1, deadline_at = now() + make_interval(secs => t.timeout_seconds),
       visible_at = now() + make_interval(secs => least($2, t.timeout_seconds + $3)),
       -- A task handed back unstarted has no owner; one still owned was lost with its worker.
       lost_runs = t.lost_runs + (t.lease_owner IS NOT NULL)::int,
       sticky_owner = NULL
     FROM (
       SELECT id, visible_at FROM activity_task
       WHERE activity = ANY($4::text[]) AND visible_at <= now()
         AND (sticky_owner IS NULL OR sticky_owner = $1 OR visible_at <= now() - make_interval(secs => $6))
       ORDER BY visible_at
       LIMIT $5
       FOR UPDATE SKIP LOCKED
     ) claimed
     WHERE t.id = claimed.id
     RETURNING t.id, t.instance_id, t.generation, t.activity_id, t.activity, t.node, t.input, t.attempt, t.timeout_seconds,
       t.heartbeat_timeout_seconds, t.heartbeat_details, t.lost_runs, t.traceparent, EXTRACT(EPOCH FROM now() - claimed.visible_at)::float8 AS waited_seconds`,
    [owner, lease.seconds, lease.graceSeconds, activities, limit, STICKY_TASK_SECONDS],
  );
  return rows.map((row) => ({
    id: row.id,
    instanceId: row.instance_id,
    generation: row.generation,
    activityId: row.activity_id,
    activity: row.activity,
    node: row.node,
    input: row.input,
    attempt: row.attempt,
    timeoutSeconds: row.timeout_seconds,
    waitedSeconds: row.waited_seconds,
    ...(row.heartbeat_timeout_seconds !== null ? { heartbeatTimeoutSeconds: row.heartbeat_timeout_seconds } : {}),
    ...(row.heartbeat_details !== null ? { heartbeatDetails: row.heartbeat_details } : {}),
    ...(row.lost_runs > 0 ? { lostRuns: row.lost_runs } : {}),
    ...(row.traceparent !== null ? { traceparent: row.traceparent } : {}),
  }));
}

/** What a renewal found of the tasks a worker holds. */
export interface RenewedLeases {
  /** Still leased to the worker: the others were finished, or taken over after their lease ran out. */
  leased: Set<number>;
  /** Renewed now, their heartbeat details stored. */
  renewed: Set<number>;
}

/**
 * Extends the leases of the tasks still leased to `owner`, each at most to its run's deadline
 * plus the grace period, and stores the heartbeat details given for some of them. One statement
 * for every task the worker holds. A task whose row another statement holds (a store deleting it
 * as its result is recorded, most often) is passed over, not waited for: waiting would stall the
 * renewal behind the store, and deadlock with a store that locks the same rows in another order.
 * It stays leased until that statement ends, and the next renewal finds out how it ended.
 */
export async function renewTaskLeases(db: pg.Pool, owner: string, ids: number[], details: Map<number, Json>, lease: TaskLease): Promise<RenewedLeases> {
  if (ids.length === 0) return { leased: new Set(), renewed: new Set() };
  const { rows } = await queryPrepared(
    db,
    "flowcraft_renew_task_leases",
    `WITH leased AS (
       SELECT id FROM activity_task WHERE id = ANY($1::bigint[]) AND lease_owner = $2
     ),
     free AS (
       SELECT id FROM activity_task WHERE id = ANY($1::bigint[]) AND lease_owner = $2 FOR UPDATE SKIP LOCKED
     ),
     renewed AS (
       UPDATE activity_task t SET visible_at = least(now() + make_interval(secs => $3), t.deadline_at + make_interval(secs => $4)),
         heartbeat_details = CASE WHEN $5::jsonb ? t.id::text THEN $5::jsonb -> t.id::text ELSE t.heartbeat_details END
       FROM free WHERE t.id = free.id
       RETURNING t.id
     )
     SELECT id, EXISTS (SELECT 1 FROM renewed r WHERE r.id = leased.id) AS renewed FROM leased`,
    [ids, owner, lease.seconds, lease.graceSeconds, JSON.stringify(Object.fromEntries(details))],
  );
  return {
    leased: new Set(rows.map((row) => Number(row.id))),
    renewed: new Set(rows.filter((row) => row.renewed).map((row) => Number(row.id))),
  };
}

export interface TaskResult {
  taskId: number;
  data: ActivityResult;
}

/**
 * Deletes the finished tasks that are still leased to `owner` and, in the same statement, puts
 * their results in the inbox. A result whose lease was lost is dropped: the task ran again
 * elsewhere, and only one completion may count.
 */
export async function completeTasks(db: pg.Pool, owner: string, results: TaskResult[]): Promise<number> {
  if (results.length === 0) return 0;
  const { rows } = await queryPrepared(
    db,
    "flowcraft_complete_tasks",
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(task_id bigint, data jsonb)),
     done AS (
       -- By primary key: the id list lets the planner use the index instead of joining a whole table.
       DELETE FROM activity_task t
       WHERE t.id = ANY($3::bigint[]) AND t.lease_owner = $2
       RETURNING t.id, t.instance_id, t.generation, t.activity_id, t.attempt
     ),
     inserted AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT done.instance_id, 'activity_result', r.data,
              'result:' || done.generation || ':' || done.activity_id || ':' || done.attempt
       FROM done JOIN r ON r.task_id = done.id
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
       RETURNING 1
     )
     SELECT count(*) AS inserted FROM inserted`,
    [JSON.stringify(results.map((r) => ({ task_id: r.taskId, data: r.data }))), owner, results.map((r) => r.taskId)],
  );
  const inserted = Number(rows[0]?.inserted ?? 0);
  if (inserted > 0) announce(db, INBOX_CHANNEL);
  return inserted;
}

/** Gives tasks leased to `owner` but not started back to the queue, visible to every runner at once. */
export async function releaseTasks(db: pg.Pool, owner: string, ids: number[]) {
  await queryPrepared(
    db,
    "flowcraft_release_tasks",
    "UPDATE activity_task SET lease_owner = NULL, deadline_at = NULL, visible_at = now() WHERE id = ANY($1::bigint[]) AND lease_owner = $2",
    [ids, owner],
  );
  announce(db, TASKS_CHANNEL);
}

/**
 * Milliseconds until `owner` may claim the next queued task of these activities, or null when
 * none falls due within `withinMs`: a task sticky to another worker is due to it only once that
 * worker had its while. The horizon keeps the index range short: a leased task's visibility is
 * its lease's end, and under load thousands are leased, each of which was read to be passed over.
 */
export async function nextTaskDueInMs(db: pg.Pool, owner: string, activities: string[], withinMs: number): Promise<number | null> {
  const { rows } = await queryPrepared(
    db,
    "flowcraft_next_task_due",
    `SELECT EXTRACT(EPOCH FROM (min(due) - now())) * 1000 AS ms FROM (
       SELECT CASE WHEN sticky_owner IS NULL OR sticky_owner = $2 THEN visible_at ELSE visible_at + make_interval(secs => $3) END AS due
       FROM activity_task
       WHERE activity = ANY($1::text[]) AND lease_owner IS NULL
         AND visible_at > now() - make_interval(secs => $3) AND visible_at <= now() + make_interval(secs => $4)
     ) queued WHERE due > now() AND due <= now() + make_interval(secs => $4)`,
    [activities, owner, STICKY_TASK_SECONDS, withinMs / 1000],
  );
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}
