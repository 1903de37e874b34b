/**
 * The many rows of a store (history events and tasks) as one JSON array per column, which the
 * statement zips back into rows with `ROWS FROM (json_array_elements_text(...), ...)`.
 * A JSON array of row objects cost Postgres nearly three times as much: `json_to_recordset`
 * builds a hash table of each object's fields and copies every value out of it before the
 * value's input function runs, a quarter of the database's time in a fan-out. Arrays of scalars
 * are read in one pass; and `JSON.stringify` writes them faster than either the objects or
 * Postgres array literals, whose every element the driver escapes with regular expressions.
 */
import type { Json } from "@flowcraft/engine";
import { dataOf } from "./history-rows.ts";
import type { Turn } from "./turn.ts";

/** history_event's columns: instance_id, seq, generation, type, data, at. */
export function historyColumns(turns: Turn[]): string[] {
  return jsonColumns(
    6,
    turns.flatMap((turn) => turn.events.map((event) => [turn.instanceId, event.seq, event.generation, event.type, dataOf(event), event.at])),
  );
}

/**
 * activity_task's columns as a turn gives them: instance_id, generation, activity_id, activity,
 * node, input, attempt, timeout_seconds, heartbeat_timeout_seconds, heartbeat_details (each the
 * text of its JSON, or null for none), visible_at, leased, sticky, traceparent.
 */
export function taskColumns(turns: Turn[]): string[] {
  return jsonColumns(
    14,
    turns.flatMap((turn) =>
      turn.tasks.map((task) => [
        task.instanceId,
        task.generation,
        task.activityId,
        task.activity,
        task.node,
        task.input ?? null,
        task.attempt,
        task.timeoutSeconds,
        task.heartbeatTimeoutSeconds ?? null,
        jsonTextOrNull(task.heartbeatDetails),
        task.visibleAt,
        task.leased === true,
        task.sticky === true,
        task.traceparent ?? null,
      ]),
    ),
  );
}

/** Rows of `width` values as one JSON array per column: `width` of them, however few the rows, as the statement has a parameter for each. */
function jsonColumns(width: number, rows: unknown[][]): string[] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) columns[i]!.push(row[i]);
  return columns.map((column) => JSON.stringify(column));
}

/** Details of null and none are both stored as SQL NULL: a JSON null element would read back as JSON `null`. */
const jsonTextOrNull = (value: Json | undefined): string | null => (value === undefined || value === null ? null : JSON.stringify(value));
