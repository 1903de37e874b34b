/**
 * Runs `count` instances of a scenario and times them, from the first start to the last
 * completion. Completion is seen by counting the workflow's instances by status, one cheap
 * query per poll, never by reading instances one by one.
 */
import { randomBytes } from "node:crypto";
import type { Database } from "@flowcraft/db";
import type { Instances } from "@flowcraft/runtime";
import type { Scenario } from "./scenarios.ts";

/**
 * Starts in progress at once, like a few concurrent callers of the start API. Each start is one
 * statement on a pooled connection: four, next to the worker's few and the poll, leave the
 * default pool of 10 without waiters, so starting never takes the worker's connections.
 */
const START_CONCURRENCY = 4;
/**
 * Between completion counts: 10 ms blurs the end time by under 1% of a run, and the poll costs
 * the database little next to the work it measures.
 */
const POLL_MS = 10;
/** A run whose instances record nothing new for this long is stuck, not slow. */
const STALL_MS = 60_000;

export interface RunResult {
  /** Instances that ran: those started, and the children their sub-workflow steps started. */
  workflows: number;
  /** Activity steps completed, counted in history, children's included. */
  steps: number;
  seconds: number;
  /** From the first start to the last start's return: how much of the run starting took. */
  startSeconds: number;
  /** Instance ids of the run start with this. */
  prefix: string;
}

export interface RunOptions {
  db: Database;
  instances: Instances;
  scenario: Scenario;
  count: number;
  signal: AbortSignal;
  /** Called on every poll, e.g. to sample the pool. */
  onPoll?: () => void;
}

export async function runScenario({ db, instances, scenario, count, signal, onPoll }: RunOptions): Promise<RunResult> {
  // Ids of this run share a prefix, so its steps can be counted in history afterwards.
  const prefix = `${scenario.name}-${randomBytes(4).toString("hex")}-`;
  const base = await statusCounts(db, scenario.name);
  const starter = new Starter((i) => instances.start(scenario.name, i, { instanceId: `${prefix}${i}` }), START_CONCURRENCY);
  const window = scenario.window ?? count;
  const began = performance.now();
  try {
    starter.raiseTo(Math.min(count, window));
    let lastEvents = base.events;
    let lastProgress = began;
    for (;;) {
      signal.throwIfAborted();
      if (starter.error !== undefined) throw starter.error;
      const counts = await statusCounts(db, scenario.name);
      onPoll?.();
      const completed = counts.completed - base.completed;
      if (counts.failed > base.failed) throw await failureOf(db, scenario.name);
      if (completed >= count) break;
      // Progress is any new history: one long-lived instance completes only at the very end.
      if (counts.events > lastEvents) {
        lastEvents = counts.events;
        lastProgress = performance.now();
      } else if (performance.now() - lastProgress > STALL_MS) {
        throw new Error(`${scenario.name}: no instance recorded anything for ${STALL_MS / 1000} s (${completed} of ${count} done)`);
      }
      starter.raiseTo(Math.min(count, completed + window));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    // Nothing may still be starting when the caller goes on (or drops the database).
    await starter.settled();
  }
  const seconds = (performance.now() - began) / 1000;
  const startSeconds = (starter.lastStartedAt - began) / 1000;
  return { ...(await workOf(db, prefix)), seconds, startSeconds, prefix };
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

/** Starts instances 0, 1, 2... up to a target that only grows, at most `limit` at a time. */
class Starter {
  private next = 0;
  private target = 0;
  private readonly running = new Set<Promise<void>>();
  error: unknown = undefined;
  /** When the latest start returned (performance.now()). */
  lastStartedAt = 0;

  constructor(
    private readonly start: (index: number) => Promise<unknown>,
    private readonly limit: number,
  ) {}

  raiseTo(target: number) {
    this.target = Math.max(this.target, target);
    this.pump();
  }

  async settled() {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private pump() {
    while (this.error === undefined && this.running.size < this.limit && this.next < this.target) {
      const started: Promise<void> = this.start(this.next++).then(
        () => {
          this.lastStartedAt = performance.now();
          this.running.delete(started);
          this.pump();
        },
        (error: unknown) => {
          this.running.delete(started);
          this.error ??= error;
        },
      );
      this.running.add(started);
    }
  }
}
