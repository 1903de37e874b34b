/** The hot-path SQL of decision turns: claim instances, load their work, store a batch of turns. */
import type pg from "pg";
import type { HistoryEvent, InstanceSummary } from "@flowcraft/engine";
import { dataOf, eventFromRow } from "./history-rows.ts";
import { TASKS_CHANNEL, wakeLocal } from "./notifier.ts";
import type { InboxMessage, InstanceState, Turn } from "./turn.ts";

type Queryable = pg.Pool | pg.PoolClient;

export interface ClaimedInstance extends InstanceState {
  status: string;
}

/** Leases up to `limit` instances that have visible inbox messages and no live lease. */
export async function claimInstances(db: Queryable, owner: string, leaseSeconds: number, limit: number): Promise<ClaimedInstance[]> {
  const { rows } = await db.query(
    `UPDATE instance i SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2)
     FROM (
       SELECT c.id FROM instance c
       WHERE c.id IN (SELECT m.instance_id FROM inbox_message m WHERE m.visible_at <= now())
         AND (c.lease_expires_at IS NULL OR c.lease_expires_at < now())
       LIMIT $3
       FOR UPDATE SKIP LOCKED
     ) claimed
     WHERE i.id = claimed.id
     RETURNING i.id, i.workflow_name, i.workflow_version, i.status, i.generation, i.last_seq, i.output, i.failure, i.custom_status`,
    [owner, leaseSeconds, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    workflowName: row.workflow_name,
    workflowVersion: row.workflow_version,
    status: row.status,
    generation: row.generation,
    lastSeq: row.last_seq,
    summary: { runtimeStatus: row.status, output: row.output, failure: row.failure, customStatus: row.custom_status } as InstanceSummary,
  }));
}

/** Current-generation history of each instance, after `afterSeq` where a cached prefix is known. */
export async function loadHistories(db: Queryable, from: Array<{ id: string; generation: number; afterSeq: number }>): Promise<Map<string, HistoryEvent[]>> {
  const histories = new Map<string, HistoryEvent[]>(from.map((f) => [f.id, []]));
  if (from.length === 0) return histories;
  const { rows } = await db.query(
    `SELECT h.instance_id, h.seq, h.type, h.data, h.at
     FROM history_event h
     JOIN jsonb_to_recordset($1::jsonb) AS f(id text, generation int, after_seq int)
       ON h.instance_id = f.id AND h.generation = f.generation AND h.seq > f.after_seq
     ORDER BY h.instance_id, h.seq`,
    [JSON.stringify(from.map((f) => ({ id: f.id, generation: f.generation, after_seq: f.afterSeq })))],
  );
  for (const row of rows) histories.get(row.instance_id)?.push(eventFromRow(row));
  return histories;
}

/** Visible inbox messages of the instances, oldest first, at most `limit` in all. */
export async function loadInbox(db: Queryable, ids: string[], limit: number): Promise<Map<string, InboxMessage[]>> {
  const inbox = new Map<string, InboxMessage[]>(ids.map((id) => [id, []]));
  const { rows } = await db.query(
    `SELECT id, instance_id, kind, data FROM inbox_message
     WHERE instance_id = ANY($1::text[]) AND visible_at <= now()
     ORDER BY id LIMIT $2`,
    [ids, limit],
  );
  for (const row of rows) inbox.get(row.instance_id)?.push({ id: row.id, kind: row.kind, data: row.data } as InboxMessage);
  return inbox;
}

/**
 * Stores a batch of turns in one transaction: instance rows (only where the lease is still ours),
 * history events, tasks, timers; removes the messages consumed. Returns the instance ids stored.
 */
export async function storeTurns(pool: pg.Pool, owner: string, turns: Turn[], consumed: Map<string, number[]>): Promise<Set<string>> {
  if (turns.length === 0) return new Set();
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      `UPDATE instance i SET status = x.status::"RuntimeStatus", output = x.output, failure = x.failure,
              custom_status = x.custom_status, generation = x.generation, last_seq = x.last_seq,
              updated_at = now(), lease_owner = NULL, lease_expires_at = NULL
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, status text, output jsonb, failure jsonb, custom_status jsonb, generation int, last_seq int)
       WHERE i.id = x.id AND i.lease_owner = $2
       RETURNING i.id`,
      [
        JSON.stringify(
          turns.map((t) => ({
            id: t.instanceId,
            status: t.summary.runtimeStatus,
            output: t.summary.output,
            failure: t.summary.failure,
            custom_status: t.summary.customStatus,
            generation: t.generation,
            last_seq: t.lastSeq,
          })),
        ),
        owner,
      ],
    );
    const stored = new Set<string>(rows.map((row) => row.id));
    const mine = turns.filter((t) => stored.has(t.instanceId));
    const events = mine.flatMap((t) =>
      t.events.map((e) => ({ instance_id: t.instanceId, seq: e.seq, generation: e.generation, type: e.type, data: dataOf(e), at: e.at })),
    );
    if (events.length > 0) {
      await client.query(
        `INSERT INTO history_event (instance_id, seq, generation, type, data, at)
         SELECT instance_id, seq, generation, type, data, at
         FROM jsonb_to_recordset($1::jsonb) AS x(instance_id text, seq int, generation int, type text, data jsonb, at timestamptz)`,
        [JSON.stringify(events)],
      );
    }
    const tasks = mine.flatMap((t) => t.tasks);
    if (tasks.length > 0) {
      await client.query(
        `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, visible_at)
         SELECT instance_id, generation, activity_id, activity, node, coalesce(input, 'null'::jsonb), attempt, timeout_seconds, visible_at
         FROM jsonb_to_recordset($1::jsonb) AS x(instance_id text, generation int, activity_id text, activity text, node text,
                                                 input jsonb, attempt int, timeout_seconds float8, visible_at timestamptz)
         ON CONFLICT (instance_id, generation, activity_id, attempt) DO NOTHING`,
        [
          JSON.stringify(
            tasks.map((t) => ({
              instance_id: t.instanceId,
              generation: t.generation,
              activity_id: t.activityId,
              activity: t.activity,
              node: t.node,
              input: t.input,
              attempt: t.attempt,
              timeout_seconds: t.timeoutSeconds,
              visible_at: t.visibleAt,
            })),
          ),
        ],
      );
      await client.query(`SELECT pg_notify('${TASKS_CHANNEL}', '')`);
    }
    const timers = mine.flatMap((t) => t.timers);
    if (timers.length > 0) {
      await client.query(
        `INSERT INTO inbox_message (instance_id, kind, data, dedupe_key, visible_at)
         SELECT instance_id, 'timer', jsonb_build_object('generation', generation, 'timerId', timer_id),
                'timer:' || generation || ':' || timer_id, fire_at
         FROM jsonb_to_recordset($1::jsonb) AS x(instance_id text, generation int, timer_id text, fire_at timestamptz)
         ON CONFLICT (instance_id, dedupe_key) DO NOTHING`,
        [JSON.stringify(timers.map((t) => ({ instance_id: t.instanceId, generation: t.generation, timer_id: t.timerId, fire_at: t.fireAt })))],
      );
    }
    const messageIds = mine.flatMap((t) => consumed.get(t.instanceId) ?? []);
    if (messageIds.length > 0) await client.query("DELETE FROM inbox_message WHERE id = ANY($1::bigint[])", [messageIds]);
    const ended = mine.filter((t) => t.ended).map((t) => t.instanceId);
    if (ended.length > 0) {
      // Nothing queued for an ended instance can matter any more (raised events stay rejected by the API).
      await client.query("DELETE FROM activity_task WHERE instance_id = ANY($1::text[])", [ended]);
      await client.query("DELETE FROM inbox_message WHERE instance_id = ANY($1::text[]) AND kind = 'timer'", [ended]);
    }
    await client.query("COMMIT");
    if (tasks.length > 0) wakeLocal(TASKS_CHANNEL);
    return stored;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Releases leases of instances claimed but not stored (e.g. their definition failed to load). */
export async function releaseInstances(db: Queryable, owner: string, ids: string[]) {
  if (ids.length === 0) return;
  await db.query("UPDATE instance SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ANY($1::text[]) AND lease_owner = $2", [ids, owner]);
}

/** Milliseconds until the next timer or delayed message is due, or null when none is waiting. */
export async function nextDueInMs(db: Queryable): Promise<number | null> {
  const { rows } = await db.query(
    "SELECT EXTRACT(EPOCH FROM (min(visible_at) - now())) * 1000 AS ms FROM inbox_message WHERE visible_at > now()",
  );
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}
