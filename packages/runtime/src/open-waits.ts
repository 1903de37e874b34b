/**
 * What running instances wait on: event waits not yet answered or timed out, and timers not yet
 * fired (a wait's own timeout timer belongs to the wait). Read from the current generation's history.
 */
import type { Database } from "@flowcraft/db";
import type { HistoryEventOf } from "@flowcraft/engine";

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

const OPEN_WAITS = `
  SELECT w.instance_id, w.type, w.data, w.at
  FROM instance i
  JOIN history_event w ON w.instance_id = i.id AND w.generation = i.generation
  WHERE i.status = 'RUNNING' AND i.id = ANY($1)
    AND (w.type = 'event_wait_started' OR (w.type = 'timer_created' AND w.data->>'purpose' <> 'wait_timeout'))
    AND NOT EXISTS (
      SELECT 1 FROM history_event e
      WHERE e.instance_id = w.instance_id AND e.generation = w.generation AND (
        (w.type = 'event_wait_started' AND (
          (e.type = 'event_consumed' AND e.data->>'waitId' = w.data->>'waitId')
          OR (e.type = 'timer_fired' AND e.data->>'timerId' = (w.data->>'waitId') || ':timeout')))
        OR (w.type = 'timer_created' AND e.type = 'timer_fired' AND e.data->>'timerId' = w.data->>'timerId')))`;

type WaitRow = {
  instance_id: string;
  type: "event_wait_started" | "timer_created";
  data: HistoryEventOf<"event_wait_started"> | HistoryEventOf<"timer_created">;
  at: Date;
};

/** The open waits of the given instances, oldest first, by instance id. */
export async function openWaitsOf(db: Database, instanceIds: string[]): Promise<Map<string, OpenWait[]>> {
  const waits = new Map<string, OpenWait[]>();
  if (instanceIds.length === 0) return waits;
  const { rows } = await db.pool.query<WaitRow>(`${OPEN_WAITS} ORDER BY w.seq`, [instanceIds]);
  for (const row of rows) {
    const list = waits.get(row.instance_id) ?? [];
    list.push(toOpenWait(row));
    waits.set(row.instance_id, list);
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
