/** The queries behind the approvals inbox: approval waits still open, as open_wait keeps them. */
import type { ApprovalRequest } from "@flowcraft/engine";
import { invalid } from "./errors.ts";
import { decodeCursorParts, encodeCursorParts } from "./page-cursor.ts";

export interface OpenApprovalRow {
  instance_id: string;
  workflow_name: string;
  workflow_version: number;
  generation: number;
  wait_id: string;
  node: string;
  event: string;
  approval: ApprovalRequest;
  seq: number;
  at: Date;
  due_at: Date | null;
  started_by: string | null;
}

/**
 * An approval is open while open_wait holds it (the turns keep it: see open-waits.ts) and no
 * decision for it is queued, which its next turn records. A timeout that is due but not yet fired
 * still shows, so the inbox says it timed out.
 * Parameters: $1 instance id, $2 workflow name, $3 wait id, $4 the event waited for, each null for any.
 */
const OPEN_APPROVALS = `
  WITH open AS (
    SELECT w.instance_id, i.workflow_name, i.workflow_version, w.generation, w.wait_id, w.node, w.event, w.approval,
           w.seq, w.started_at AS at, w.due_at, i.started_by
    FROM open_wait w JOIN instance i ON i.id = w.instance_id
    WHERE w.kind = 'approval'
      AND ($1::text IS NULL OR w.instance_id = $1)
      -- Test runs' approvals are found through their instance only, never in the inbox and its count.
      AND ($1::text IS NOT NULL OR NOT i.test)
      AND ($2::text IS NULL OR i.workflow_name = $2)
      AND ($3::text IS NULL OR w.wait_id = $3)
      AND ($4::text IS NULL OR w.event = $4)
      AND NOT EXISTS (
        SELECT 1 FROM inbox_message m
        WHERE m.instance_id = w.instance_id AND m.dedupe_key = 'approval:' || w.generation || ':' || w.wait_id)
  )`;

/**
 * A page of open approvals, oldest first, each row with the count of all of them: the open approvals
 * are read once for both. A page with no approval still has one row, with only the count.
 * Parameters as above, then $5..$7 the position after which the page starts (or nulls), $8 the limit.
 */
export const OPEN_APPROVALS_PAGE_SQL = `${OPEN_APPROVALS}
  SELECT counted.total, page.*
  FROM (SELECT count(*)::int AS total FROM open) counted
  LEFT JOIN LATERAL (
    SELECT * FROM open
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
