/**
 * Turns planned without a lease, from results handed over in memory, while the worker's other
 * decision loop changes what it knows of the same instance.
 */
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FinishedTask } from "./local-results.ts";
import type { EagerRunner } from "./orchestrator.ts";
import { recordActivities } from "./registrations.ts";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await recordActivities(rt.db.pool, ["work"]);
  await rt.workflows.publish("one_step", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "work", input: "input" } } });
});
afterAll(() => rt.close());

/** A runner that runs nothing itself and keeps what it is asked to report through the inbox. */
function recordingRunner(): EagerRunner & { reported: FinishedTask[] } {
  const reported: FinishedTask[] = [];
  return { reported, runs: () => false, reserve: () => 0, runLeased: () => {}, report: (results) => reported.push(...results), recorded: () => {} };
}

/** Holds the next statement of the given name until released; resolves `reached` when it is sent. */
function holdNext(pool: pg.Pool, name: string) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const hold = { reached: new Promise<void>((resolve) => (reached = resolve)), release };
  (pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    if ((config as { name?: string }).name !== name) return query(config, ...rest);
    (pool as { query: unknown }).query = query;
    reached();
    return released.then(() => query(config, ...rest));
  };
  return hold;
}

it("a result taken for an instance that the other loop ends meanwhile goes back to the inbox, and the round goes on", async () => {
  const runner = recordingRunner();
  const { orchestrator, errors } = steppedOrchestrator(rt.db.pool, { runner });
  orchestrator.results.start();
  const { instanceId: ended } = await rt.instances.start("one_step", 1);
  expect(await orchestrator.runOnce()).toBe(1);
  const { rows: tasks } = await rt.db.pool.query("SELECT id, generation, activity_id, attempt FROM activity_task WHERE instance_id = $1", [ended]);
  const at = new Date().toISOString();
  const result: FinishedTask = {
    instanceId: ended,
    taskId: Number(tasks[0].id),
    data: { generation: tasks[0].generation, activityId: tasks[0].activity_id, attempt: tasks[0].attempt, worker: "w1", startedAt: at, finishedAt: at, output: 2 },
  };
  expect(orchestrator.results.offer(result)).toBe(true);

  // One loop claims another instance and takes the result with it; while it reads that
  // instance's history, the other loop terminates the instance the result is for.
  const { instanceId: other } = await rt.instances.start("one_step", 1);
  const reading = holdNext(rt.db.pool, "flowcraft_load_histories");
  const first = orchestrator.runOnce();
  await reading.reached;
  await rt.instances.terminate(ended);
  expect(await orchestrator.runOnce()).toBe(1);
  reading.release();

  expect(await first).toBe(2);
  expect(errors).toEqual([]);
  expect(runner.reported).toEqual([result]);
  expect((await rt.instances.get(ended)).runtimeStatus).toBe("TERMINATED");
  expect((await rt.instances.history(other)).map((e) => e.type)).toEqual(["execution_started", "activity_scheduled"]);
});
