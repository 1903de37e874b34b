/** The query behind the approvals inbox: approval waits of the current generation still open. */
import type { HistoryEventOf } from "@flowcraft/engine";

export interface OpenApprovalRow {
  instance_id: string;
  workflow_name: string;
  workflow_version: number;
  data: HistoryEventOf<"event_wait_started">;
  at: Date;
  started_by: string | null;
}

/**
 * A wait is open until an event is consumed for it, a decision is raised or queued for it, or its
 * timeout fires; a timeout that is due but not yet fired still shows, so the inbox says it timed out.
 * Parameters: $1 instance id or null, $2 workflow name or null, $3 limit.
 */
export const OPEN_APPROVALS_SQL = `
  SELECT i.id AS instance_id, i.workflow_name, i.workflow_version, w.data, w.at, i.started_by
  FROM instance i
  JOIN history_event w
    ON w.instance_id = i.id AND w.generation = i.generation AND w.type = 'event_wait_started' AND w.data ? 'approval'
  WHERE i.status IN ('RUNNING', 'SUSPENDED')
    AND ($1::text IS NULL OR i.id = $1)
    AND ($2::text IS NULL OR i.workflow_name = $2)
    AND NOT EXISTS (
      SELECT 1 FROM history_event e
      WHERE e.instance_id = i.id AND e.generation = i.generation
        AND ((e.type = 'event_consumed' AND e.data->>'waitId' = w.data->>'waitId')
          OR (e.type = 'event_raised' AND e.data->>'waitId' = w.data->>'waitId')
          OR (e.type = 'timer_fired' AND e.data->>'timerId' = (w.data->>'waitId') || ':timeout')))
    AND NOT EXISTS (
      SELECT 1 FROM inbox_message m
      WHERE m.instance_id = i.id AND m.dedupe_key = 'approval:' || i.generation || ':' || (w.data->>'waitId'))
  ORDER BY w.at, i.id
  LIMIT $3`;
