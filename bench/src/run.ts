/**
 * Runs a load of a scenario's instances on our runtime. Completion is seen by reading the status
 * of the run's unfinished instances, one query per poll.
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
  const unfinished = new Set<string>();
  let completed = 0;
  const driven = await drive({
    name: scenario.name,
    load,
    start(i) {
      const instanceId = `${prefix}${i}`;
      unfinished.add(instanceId);
      return instances.start(scenario.name, i, { instanceId });
    },
    async progress() {
      const rows = await statusesOf(db, [...unfinished]);
      let events = 0;
      for (const row of rows) {
        if (row.status === "FAILED" || row.status === "TERMINATED") throw await failureOf(db, row.id);
        if (row.status === "COMPLETED") {
          unfinished.delete(row.id);
          completed++;
        } else events += row.last_seq;
      }
      // Any recorded event moves an unfinished instance on, or ends it.
      return { completed, activity: events + completed };
    },
    signal,
    onPoll,
  });
  return { ...driven, ...(await workOf(db, prefix)), prefix };
}

/**
 * The status of each unfinished instance of the run, by primary key: a start not yet stored has
 * no row. Counting the workflow's unfinished instances through the status index instead walked
 * every index entry its instances' updates had left behind until vacuum, which took a tenth to
 * a fifth of the database's CPU polled every 10 ms.
 */
async function statusesOf(db: Database, ids: string[]): Promise<Array<{ id: string; status: string; last_seq: number }>> {
  const { rows } = await db.pool.query("SELECT id, status, last_seq FROM instance WHERE id = ANY($1::text[])", [ids]);
  return rows;
}

async function failureOf(db: Database, instanceId: string): Promise<Error> {
  const { rows } = await db.pool.query("SELECT workflow_name, status, failure FROM instance WHERE id = $1", [instanceId]);
  return new Error(`${rows[0]?.workflow_name}: instance ${instanceId} ended ${rows[0]?.status}: ${JSON.stringify(rows[0]?.failure)}`);
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
