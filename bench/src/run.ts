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
    async progress() {
      const counts = await statusCounts(db, scenario.name);
      if (counts.failed > base.failed) throw await failureOf(db, scenario.name);
      return { completed: counts.completed - base.completed, activity: counts.events };
    },
    signal,
    onPoll,
  });
  return { ...driven, ...(await workOf(db, prefix)), prefix };
}

async function statusCounts(db: Database, workflowName: string): Promise<{ completed: number; failed: number; events: number }> {
  const { rows } = await db.pool.query(
    `SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
            count(*) FILTER (WHERE status IN ('FAILED', 'TERMINATED')) AS failed,
            coalesce(sum(last_seq), 0) AS events
     FROM instance WHERE workflow_name = $1`,
    [workflowName],
  );
  return { completed: rows[0].completed, failed: rows[0].failed, events: Number(rows[0].events) };
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
