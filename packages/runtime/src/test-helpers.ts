/**
 * Shared set-up for runtime tests: a migrated database, a worker or a decision loop run round by
 * round, and polling for an outcome.
 */
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { evaluate, TERMINAL_STATUSES, type Evaluator } from "@flowcraft/engine";
import type pg from "pg";
import { Instances, type InstanceView } from "./instances.ts";
import { silentLogger } from "./logger.ts";
import { Orchestrator, type EagerRunner } from "./orchestrator.ts";
import type { ActivityRegistry } from "./sdk.ts";
import { Signal } from "./signal.ts";
import { Telemetry } from "./telemetry.ts";
import { Worker, type WorkerOptions } from "./worker.ts";
import { Workflows } from "./workflows.ts";

export interface TestRuntime {
  db: TestDatabase;
  workflows: Workflows;
  instances: Instances;
  startWorker(activities?: ActivityRegistry, options?: WorkerOptions): Promise<Worker>;
  close(): Promise<void>;
}

export async function createTestRuntime(): Promise<TestRuntime> {
  const db = await createTestDatabase();
  const workers: Worker[] = [];
  return {
    db,
    workflows: new Workflows(db),
    instances: new Instances(db),
    async startWorker(activities, options = {}) {
      const worker = new Worker(db, { activities, logger: silentLogger(), onError: (e) => console.error(e), ...options });
      await worker.start();
      workers.push(worker);
      return worker;
    },
    async close() {
      await Promise.all(workers.map((w) => w.stop()));
      await db.destroy();
    },
  };
}

/** Polls the instance until `until` holds (by default: it has ended), or fails after `timeoutMs`. */
export async function waitForInstance(
  instances: Instances,
  id: string,
  until: (view: InstanceView) => boolean = (view) => TERMINAL_STATUSES.has(view.runtimeStatus),
  timeoutMs = 30_000,
): Promise<InstanceView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await instances.get(id);
    if (until(view)) return view;
    if (Date.now() > deadline) throw new Error(`instance ${id} did not get there in ${timeoutMs} ms; it is ${JSON.stringify(view)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A decision loop of worker "w1" that the test runs one round at a time (`runOnce`), with the
 * errors it reports kept in `errors`; expressions are evaluated in this process unless told.
 */
export function steppedOrchestrator(pool: pg.Pool, options: { runner?: EagerRunner; evaluate?: Evaluator } = {}) {
  const errors: unknown[] = [];
  const orchestrator = new Orchestrator(pool, "w1", new Signal(), (error) => errors.push(error), options.runner ?? null, options.evaluate ?? evaluate, new Telemetry(silentLogger(), undefined));
  return { orchestrator, errors };
}

/** Counts, from now on, the statements the pool runs under the prepared name `name`. */
export function countPreparedStatements(pool: pg.Pool, name: string): { count: number } {
  const counter = { count: 0 };
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if ((config as { name?: string } | null)?.name === name) counter.count++;
    return query(config, ...rest);
  };
  return counter;
}
