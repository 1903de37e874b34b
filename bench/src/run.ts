/**
 * Runs a load of a scenario's instances on our runtime. Completion is seen by counting the
 * workflow's instances by status, one cheap query per poll, never by reading instances one by one.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "@flowcraft/db";
import type { Instances } from "@flowcraft/runtime";
import { drive, type Driven, type Load } from "./drive.ts";
import type { Scenario } from "./scenarios.ts";

export interface RunResult extends Driven {
  /** Instances that ran: those started, and the children their sub-workflow steps started. */
  workflows: number;
  /** Activity steps completed, counted in history, children's included. */
  steps: number;
  /** Instance ids of the run start with this. */
  prefix: string;
}

export interface RunOptions {
  db: Database;
  instances: Instances;
  scenario: Scenario;
  load: Load;
  signal: AbortSignal;
  /** Called on every poll, e.g. to sample the pool. */
  onPoll?: () => void;
}

export async function runScenario({ db, instances, scenario, load, signal, onPoll }: RunOptions): Promise<RunResult> {
  // Ids of this run share a prefix, so its steps can be counted in history afterwards.
  const prefix = `${scenario.name}-${randomBytes(4).toString("hex")}-`;
  const base = await statusCounts(db, scenario.name);
  const driven = await drive({
    name: scenario.name,
    load,
    start: (i) => instances.start(scenario.name, i, { instanceId: `${prefix}${i}` }),
    async progress(stored) {
      const counts = await statusCounts(db, scenario.name);
      if (counts.failed > base.failed) throw await failureOf(db, scenario.name);
      // A start stored but not yet returned counts as unfinished, and not yet as stored.
      const completed = Math.max(0, stored - (counts.unfinished - base.unfinished) - (counts.failed - base.failed));
      // Any recorded event moves an unfinished instance on, or ends it.
      return { completed, activity: counts.events + completed };
    },
    signal,
    onPoll,
  });
  return { ...driven, ...(await workOf(db, prefix)), prefix };
}

/**
 * The workflow's unfinished and failed instances, and how far the unfinished ones got: read
 * through the status index, so a poll costs what is in flight, not every instance the run (or
 * an earlier one) finished. Counting the finished ones took a core of the database's CPU
 * in long runs, polled every 10 ms.
 */
async function statusCounts(db: Database, workflowName: string): Promise<{ unfinished: number; failed: number; events: number }> {
  const { rows } = await db.pool.query(
    `SELECT count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING', 'SUSPENDED'))::int AS unfinished,
            count(*) FILTER (WHERE status IN ('FAILED', 'TERMINATED'))::int AS failed,
            coalesce(sum(last_seq) FILTER (WHERE status IN ('PENDING', 'RUNNING', 'SUSPENDED')), 0) AS events
     FROM instance WHERE workflow_name = $1 AND status IN ('PENDING', 'RUNNING', 'SUSPENDED', 'FAILED', 'TERMINATED')`,
    [workflowName],
  );
  return { unfinished: rows[0].unfinished, failed: rows[0].failed, events: Number(rows[0].events) };
}

async function failureOf(db: Database, workflowName: string): Promise<Error> {
  const { rows } = await db.pool.query(
    `SELECT id, status, failure FROM instance WHERE workflow_name = $1 AND status IN ('FAILED', 'TERMINATED') LIMIT 1`,
    [workflowName],
  );
  return new Error(`${workflowName}: instance ${rows[0]?.id} ended ${rows[0]?.status}: ${JSON.stringify(rows[0]?.failure)}`);
}

/** The run's instances, children included (their ids are derived, not prefixed), and their completed activity steps. */
async function workOf(db: Database, prefix: string): Promise<{ workflows: number; steps: number }> {
  const { rows } = await db.pool.query(
    `WITH RECURSIVE run AS (
       SELECT id FROM instance WHERE starts_with(id, $1)
       UNION ALL
       SELECT c.id FROM instance c JOIN run ON c.parent_instance_id = run.id
     )
     SELECT (SELECT count(*)::int FROM run) AS workflows,
            (SELECT count(*)::int FROM history_event h JOIN run ON h.instance_id = run.id WHERE h.type = 'activity_completed') AS steps`,
    [prefix],
  );
  return { workflows: rows[0].workflows, steps: rows[0].steps };
}
