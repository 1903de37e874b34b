/**
 * What running instances wait on: event waits not yet answered or timed out, and timers not yet
 * fired (a wait's own timeout timer belongs to the wait). Read from the current generation's history.
 */
import type { Database } from "@flowcraft/db";
import type { ApprovalRequest, HistoryEventOf, WaitStart } from "@flowcraft/engine";

export interface OpenWait {
  kind: "event" | "timer";
  node: string;
  /** The event waited for; null for a timer. */
  event: string | null;
  since: string;
  /** When the wait times out or the timer fires; null when a wait has no timeout. */
  until: string | null;
  /** A human approval (see the approvals inbox). */
  approval: boolean;
}

/** The oldest waits of an instance, and how many it has in all. */
export interface OpenWaits {
  waits: OpenWait[];
  total: number;
}

/** Waits listed per instance: a fan-out of a thousand approvals shows its first few and a count. */
export const WAITS_LISTED = 5;

/** A row of open_wait, as a turn stores it. */
export interface OpenWaitRow {
  instance_id: string;
  generation: number;
  wait_id: string;
  kind: "event" | "approval" | "timer";
  node: string;
  event: string | null;
  approval: ApprovalRequest | null;
  seq: number;
  started_at: string;
  due_at: string | null;
}

export function openWaitRow(instanceId: string, generation: number, start: WaitStart): OpenWaitRow {
  const common = { instance_id: instanceId, generation, node: start.node, seq: start.seq, started_at: start.at };
  if (start.type === "timer_created") return { ...common, wait_id: start.timerId, kind: "timer", event: null, approval: null, due_at: start.fireAt };
  return {
    ...common,
    wait_id: start.waitId,
    kind: start.approval ? "approval" : "event",
    event: start.event,
    approval: start.approval ?? null,
    due_at: start.timeoutAt ?? null,
  };
}

/**
 * Waits and timers are matched with what ended them by one key each, rather than by a condition
 * per pair, so that Postgres joins them by hash: an instance waiting at thousands of places costs
 * one pass over its history, not one per wait. $1: instance ids; $2: waits listed per instance.
 */
const OPEN_WAITS = `
  WITH events AS (
    SELECT h.instance_id, h.seq, h.type, h.data, h.at
    FROM instance i JOIN history_event h ON h.instance_id = i.id AND h.generation = i.generation
    WHERE i.status = 'RUNNING' AND i.id = ANY($1)
      AND h.type IN ('event_wait_started', 'timer_created', 'event_consumed', 'timer_fired')
  ),
  opened AS (
    SELECT instance_id, seq, type, data, at,
           CASE WHEN type = 'event_wait_started' THEN 'wait:' || (data->>'waitId') ELSE 'timer:' || (data->>'timerId') END AS key,
           CASE WHEN type = 'event_wait_started' THEN 'timer:' || (data->>'waitId') || ':timeout' END AS timeout_key
    FROM events
    WHERE type = 'event_wait_started' OR (type = 'timer_created' AND data->>'purpose' <> 'wait_timeout')
  ),
  ended AS (
    SELECT instance_id, CASE WHEN type = 'event_consumed' THEN 'wait:' || (data->>'waitId') ELSE 'timer:' || (data->>'timerId') END AS key
    FROM events
    WHERE type IN ('event_consumed', 'timer_fired')
  ),
  open AS (
    SELECT o.instance_id, o.seq, o.type, o.data, o.at,
           row_number() OVER (PARTITION BY o.instance_id ORDER BY o.seq) AS n,
           count(*) OVER (PARTITION BY o.instance_id) AS total
    FROM opened o
    WHERE NOT EXISTS (SELECT 1 FROM ended e WHERE e.instance_id = o.instance_id AND e.key = o.key)
      AND NOT EXISTS (SELECT 1 FROM ended e WHERE e.instance_id = o.instance_id AND e.key = o.timeout_key)
  )
  SELECT instance_id, type, data, at, total FROM open WHERE n <= $2 ORDER BY instance_id, seq`;

type WaitRow = {
  instance_id: string;
  type: "event_wait_started" | "timer_created";
  data: HistoryEventOf<"event_wait_started"> | HistoryEventOf<"timer_created">;
  at: Date;
  total: string;
};

/** The open waits of the given instances, oldest first, by instance id. */
export async function openWaitsOf(db: Database, instanceIds: string[]): Promise<Map<string, OpenWaits>> {
  const waits = new Map<string, OpenWaits>();
  if (instanceIds.length === 0) return waits;
  const { rows } = await db.pool.query<WaitRow>(OPEN_WAITS, [instanceIds, WAITS_LISTED]);
  for (const row of rows) {
    const entry = waits.get(row.instance_id) ?? { waits: [], total: Number(row.total) };
    entry.waits.push(toOpenWait(row));
    waits.set(row.instance_id, entry);
  }
  return waits;
}

function toOpenWait({ type, data, at }: WaitRow): OpenWait {
  if (type === "event_wait_started") {
    const wait = data as HistoryEventOf<"event_wait_started">;
    return { kind: "event", node: wait.node, event: wait.event, since: at.toISOString(), until: wait.timeoutAt ?? null, approval: Boolean(wait.approval) };
  }
  const timer = data as HistoryEventOf<"timer_created">;
  return { kind: "timer", node: timer.node, event: null, since: at.toISOString(), until: timer.fireAt, approval: false };
}
