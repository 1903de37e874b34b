/**
 * Starts stored many to a statement: concurrent starts share one through `GroupCommit`, and a
 * bulk start sends its list the same way.
 */
import { queryPrepared } from "@flowcraft/db";
import type pg from "pg";
import { GroupCommit } from "./group-commit.ts";
import { announce, INBOX_CHANNEL } from "./notifier.ts";

export interface StartRequest {
  instanceId: string;
  workflowName: string;
  /** The latest (published or test, as `test` says) version when absent. */
  version?: number;
  /** JSON text of the input, already checked to be storable. */
  inputText: string;
  /** JSON text of the start message's data (the trace it continues, when traces are on). */
  messageText: string;
  startedBy?: string;
  test: boolean;
  scheduleId?: string;
  scheduledAt?: string;
}

export type StartOutcome =
  | { outcome: "started"; workflowVersion: number; createdAt: Date }
  /** An instance with this id exists already. */
  | { outcome: "exists" }
  /** No such workflow, or no such version of it. */
  | { outcome: "no_workflow" };

/** Concurrent starts of one process, coalesced into shared statements. */
export function startBatcher(pool: pg.Pool): GroupCommit<StartRequest, StartOutcome> {
  return new GroupCommit((requests) => storeStarts(pool, requests), (request) => request.instanceId);
}

/**
 * Creates each instance of the latest (or given) version and queues its first decision: the
 * instance rows, their first history events and their start messages, in one statement. Returns
 * the outcome of each request, in order.
 */
export async function storeStarts(pool: pg.Pool, requests: StartRequest[]): Promise<StartOutcome[]> {
  const rows = requests.map((request, ord) => ({
    ord,
    id: request.instanceId,
    workflow_name: request.workflowName,
    version: request.version ?? null,
    input: request.inputText,
    message: request.messageText,
    started_by: request.startedBy ?? null,
    test: request.test,
    schedule_id: request.scheduleId ?? null,
    scheduled_at: request.scheduledAt ?? null,
  }));
  const { rows: results } = await queryPrepared(
    pool,
    "flowcraft_start_instances",
    `WITH requested AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS r(ord int, id text, workflow_name text, version int, input text, message text, started_by text, test boolean, schedule_id text, scheduled_at timestamptz)
     ),
     resolved AS (
       SELECT r.*, v.version AS resolved_version
       FROM requested r
       CROSS JOIN LATERAL (
         SELECT version FROM workflow_version w
         WHERE w.workflow_name = r.workflow_name AND w.test = r.test AND (r.version IS NULL OR w.version = r.version)
         ORDER BY version DESC LIMIT 1
       ) v
     ),
     created AS (
       INSERT INTO instance (id, workflow_name, workflow_version, input, last_seq, started_by, test, schedule_id, scheduled_at)
       SELECT id, workflow_name, resolved_version, input::jsonb, 1, started_by, test, schedule_id, scheduled_at FROM resolved ORDER BY ord
       ON CONFLICT (id) DO NOTHING
       RETURNING id, workflow_name, workflow_version, input, started_by, created_at
     ),
     started AS (
       INSERT INTO history_event (instance_id, seq, generation, type, data, at)
       SELECT id, 1, 1, 'execution_started',
              jsonb_build_object('workflowName', workflow_name, 'workflowVersion', workflow_version, 'input', input, 'generation', 1)
                || CASE WHEN started_by IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('startedBy', started_by) END, created_at
       FROM created
     ),
     queued AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT c.id, 'start', r.message::jsonb, 'start' FROM created c JOIN requested r ON r.id = c.id
     )
     SELECT r.ord, v.resolved_version IS NOT NULL AS found, c.workflow_version, c.created_at
     FROM requested r
     LEFT JOIN resolved v ON v.ord = r.ord
     LEFT JOIN created c ON c.id = r.id`,
    [JSON.stringify(rows)],
  );
  const outcomes: StartOutcome[] = new Array(requests.length);
  for (const row of results) {
    outcomes[row.ord] = row.created_at
      ? { outcome: "started", workflowVersion: row.workflow_version, createdAt: row.created_at }
      : { outcome: row.found ? "exists" : "no_workflow" };
  }
  if (results.some((row) => row.created_at)) announce(pool, INBOX_CHANNEL);
  return outcomes;
}
