/** The queries behind the approvals inbox: approval waits of the current generation still open. */
import type { HistoryEventOf } from "@flowcraft/engine";
import { invalid } from "./errors.ts";
import { decodeCursorParts, encodeCursorParts } from "./page-cursor.ts";

export interface OpenApprovalRow {
  instance_id: string;
  workflow_name: string;
  workflow_version: number;
  generation: number;
  seq: number;
  data: HistoryEventOf<"event_wait_started">;
  at: Date;
  started_by: string | null;
}

/**
 * A wait is open until an event is consumed for it, a decision is raised or queued for it, or its
 * timeout fires; a timeout that is due but not yet fired still shows, so the inbox says it timed out.
 * Waits are matched with what closed them by one key each, so that Postgres joins them by hash: an
 * instance waiting on thousands of approvals costs one pass over its history, not one per wait.
 * Parameters: $1 instance id, $2 workflow name, $3 wait id, $4 the event waited for, each null for any.
 */
const OPEN_APPROVALS = `
  WITH waits AS (
    SELECT i.id AS instance_id, i.workflow_name, i.workflow_version, i.generation, i.started_by,
           w.seq, w.data, w.at, w.data->>'waitId' AS wait_id
    FROM instance i
    JOIN history_event w ON w.instance_id = i.id AND w.generation = i.generation
    WHERE i.status IN ('RUNNING', 'SUSPENDED')
      AND ($1::text IS NULL OR i.id = $1)
      AND ($2::text IS NULL OR i.workflow_name = $2)
      AND ($3::text IS NULL OR w.data->>'waitId' = $3)
      AND ($4::text IS NULL OR w.data->>'event' = $4)
      AND w.type = 'event_wait_started' AND w.data ? 'approval'
  ),
  closed AS (
    SELECT e.instance_id,
           CASE WHEN e.type = 'timer_fired' THEN 'timer:' || (e.data->>'timerId') ELSE 'wait:' || (e.data->>'waitId') END AS key
    FROM (SELECT DISTINCT instance_id, generation FROM waits) g
    JOIN history_event e ON e.instance_id = g.instance_id AND e.generation = g.generation
    WHERE e.type IN ('event_consumed', 'event_raised', 'timer_fired')
  ),
  open AS (
    SELECT * FROM waits w
    WHERE NOT EXISTS (SELECT 1 FROM closed c WHERE c.instance_id = w.instance_id AND c.key = 'wait:' || w.wait_id)
      AND NOT EXISTS (SELECT 1 FROM closed c WHERE c.instance_id = w.instance_id AND c.key = 'timer:' || w.wait_id || ':timeout')
      AND NOT EXISTS (
        SELECT 1 FROM inbox_message m
        WHERE m.instance_id = w.instance_id AND m.dedupe_key = 'approval:' || w.generation || ':' || w.wait_id)
  )`;

/**
 * A page of open approvals, oldest first, each row with the count of all of them: the open waits are
 * worked out once for both. A page with no approval still has one row, with only the count.
 * Parameters as above, then $5..$7 the position after which the page starts (or nulls), $8 the limit.
 */
export const OPEN_APPROVALS_PAGE_SQL = `${OPEN_APPROVALS}
  SELECT counted.total, page.*
  FROM (SELECT count(*)::int AS total FROM open) counted
  LEFT JOIN LATERAL (
    SELECT instance_id, workflow_name, workflow_version, generation, seq, data, at, started_by FROM open
    WHERE $5::timestamptz IS NULL OR (at, instance_id, seq) > ($5::timestamptz, $6::text, $7::int)
    ORDER BY at, instance_id, seq
    LIMIT $8
  ) page ON true`;

/** A row of that page: an approval with the count, or the count alone. */
export type OpenApprovalPageRow = { total: number } & (OpenApprovalRow | { instance_id: null });

/** The page's approvals, without the row that carries only the count. */
export const approvalsOf = (rows: OpenApprovalPageRow[]) => rows.filter((row): row is { total: number } & OpenApprovalRow => row.instance_id !== null);

/** Where a page of the inbox ends: the wait's start, instance and sequence number. */
export interface InboxPosition {
  at: Date;
  instanceId: string;
  seq: number;
}

export function encodeInboxCursor({ at, instanceId, seq }: InboxPosition): string {
  return encodeCursorParts([at.toISOString(), instanceId, seq]);
}

export function decodeInboxCursor(cursor: string): InboxPosition {
  const [at, instanceId, seq] = decodeCursorParts(cursor);
  const date = new Date(typeof at === "string" ? at : Number.NaN);
  if (typeof instanceId !== "string" || typeof seq !== "number" || !Number.isInteger(seq) || Number.isNaN(date.getTime())) {
    throw invalid("cursor is not one this server returned");
  }
  return { at: date, instanceId, seq };
}
