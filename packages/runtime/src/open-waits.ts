/**
 * What running instances wait on, kept in open_wait by the turns: each stored turn adds the waits
 * and timers the engine says it began and removes those it says it closed, in the same statement
 * as the turn. The instances list, the approvals inbox and approval links read the table, never history.
 */
import type { Database } from "@flowcraft/db";
import type { ApprovalRequest, WaitStart } from "@flowcraft/engine";

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

/** $1: instance ids; $2: waits listed per instance. */
const OPEN_WAITS = `
  SELECT instance_id, kind, node, event, started_at, due_at, total
  FROM (
    SELECT w.*, row_number() OVER (PARTITION BY instance_id ORDER BY seq) AS n, count(*) OVER (PARTITION BY instance_id) AS total
    FROM open_wait w WHERE instance_id = ANY($1)
  ) numbered
  WHERE n <= $2 ORDER BY instance_id, seq`;

type WaitRow = Pick<OpenWaitRow, "instance_id" | "kind" | "node" | "event"> & { started_at: Date; due_at: Date | null; total: string };

/** The open waits of the given instances, oldest first, by instance id. */
export async function openWaitsOf(db: Database, instanceIds: string[]): Promise<Map<string, OpenWaits>> {
  const waits = new Map<string, OpenWaits>();
  if (instanceIds.length === 0) return waits;
  const { rows } = await db.pool.query<WaitRow>(OPEN_WAITS, [instanceIds, WAITS_LISTED]);
  for (const row of rows) {
    const entry = waits.get(row.instance_id) ?? { waits: [], total: Number(row.total) };
    entry.waits.push({
      kind: row.kind === "timer" ? "timer" : "event",
      node: row.node,
      event: row.event,
      since: row.started_at.toISOString(),
      until: row.due_at?.toISOString() ?? null,
      approval: row.kind === "approval",
    });
    waits.set(row.instance_id, entry);
  }
  return waits;
}
