/**
 * Task leases on a real database: a live worker keeps every task it holds with one statement per
 * renewal, so an attempt longer than a lease runs once; and a task nobody holds, because the reply
 * to the store that leased it was lost, runs within seconds, not once its timeout has passed.
 */
import { connect, type Database } from "@flowcraft/db";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { renewTaskLeases } from "./activity-sql.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";
import { Worker } from "./worker.ts";

/** Longer than a lease: it runs once only if its lease is renewed. */
const LONGER_THAN_A_LEASE_MS = TASK_LEASE.seconds * 1000 + 2_000;

let rt: TestRuntime;
const runs: string[] = [];
const activities = new ActivityRegistry()
  .register("longer_than_a_lease", async (_input, context) => {
    runs.push(context.activityId);
    await sleep(LONGER_THAN_A_LEASE_MS);
    return "done";
  })
  .register("quick", (_input, context) => {
    runs.push(context.activityId);
    return "done";
  });
/** Started on databases of their own, so that their statements can be watched or tampered with. */
const started: Array<{ worker: Worker; db: Database }> = [];

beforeAll(async () => {
  rt = await createTestRuntime();
}, 60_000);

afterEach(async () => {
  for (const { worker, db } of started.splice(0)) {
    await worker.stop();
    await db.close();
  }
  runs.length = 0;
});

afterAll(() => rt.close());

/** A worker whose every statement passes through `intercept` first. */
async function startWorker(options: { orchestrate?: boolean; errors?: unknown[] }, intercept: (statement: { text: string; values: unknown[] }, run: () => Promise<unknown>) => Promise<unknown>) {
  const db = connect(rt.db.url, { embedded: !process.env.DATABASE_URL });
  const query = db.pool.query.bind(db.pool) as (...args: unknown[]) => Promise<unknown>;
  (db.pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const statement = config as { text?: string; values?: unknown[] };
    if (typeof statement.text !== "string") return query(config, ...rest);
    return intercept({ text: statement.text, values: statement.values ?? [] }, () => query(config, ...rest));
  };
  const worker = new Worker(db, { activities, orchestrate: options.orchestrate, onError: (error) => options.errors?.push(error) });
  await worker.start();
  started.push({ worker, db });
  return worker;
}

const passThrough = (_statement: unknown, run: () => Promise<unknown>) => run();

it("renews the leases of all running attempts in one statement each time, so attempts longer than a lease run once", async () => {
  const renewals: number[][] = [];
  await startWorker({}, (statement, run) => {
    if (statement.text.includes("UPDATE activity_task t SET visible_at")) renewals.push(statement.values[0] as number[]);
    return run();
  });
  // Idle and running the same activity: it takes any task whose lease runs out.
  await startWorker({ orchestrate: false }, passThrough);
  await rt.workflows.publish("long_fan", {
    version: 1,
    start: "fan",
    nodes: { fan: { type: "map", items: "[1..4]", body: { start: "work", nodes: { work: { type: "activity", activity: "longer_than_a_lease" } } } } },
  });
  const { instanceId } = await rt.instances.start("long_fan", null);
  expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED" });

  expect(runs.sort()).toEqual(["fan[0].work", "fan[1].work", "fan[2].work", "fan[3].work"]);
  const results = (await rt.instances.history(instanceId)).filter((e) => e.type === "activity_completed");
  expect(results).toHaveLength(4);
  // A renewal every third of a lease while the attempts ran, each for all four at once.
  expect(renewals.length).toBeGreaterThanOrEqual(3);
  expect(renewals.slice(0, 3).map((ids) => ids.length)).toEqual([4, 4, 4]);
}, 60_000);

it("runs within seconds the tasks of a store whose reply was lost after it committed", async () => {
  let lostReply: Promise<unknown> | undefined;
  const errors: unknown[] = [];
  await startWorker({ errors }, async (statement, run) => {
    // $20 of the store is its tasks' column `leased` (see store-columns.ts).
    const leasesTasks = statement.text.trimStart().startsWith("WITH stored AS") && String(statement.values[19]).includes("true");
    if (!leasesTasks || lostReply) return run();
    lostReply = run();
    await lostReply;
    throw new Error("Connection terminated unexpectedly");
  });
  // The default timeout of 300 s: until now the task stayed leased to no one for 305 s.
  await rt.workflows.publish("one_quick", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "quick" } } });
  const { instanceId } = await rt.instances.start("one_quick", null);

  expect(await waitForInstance(rt.instances, instanceId, undefined, 30_000)).toMatchObject({ runtimeStatus: "COMPLETED", output: "done" });
  // The store did commit, with the task leased to this worker, and the worker heard only of a failure.
  const { rows } = (await lostReply) as { rows: Array<{ leased: unknown[] }> };
  expect(rows[0]!.leased).toHaveLength(1);
  expect(errors).toContainEqual(expect.objectContaining({ message: "Connection terminated unexpectedly" }));
  expect(runs).toEqual(["a"]);
}, 60_000);

it("a renewal passes over a task that a store is deleting, rather than waiting for it or deadlocking with it", async () => {
  await rt.db.pool.query(
    `INSERT INTO instance (id, workflow_name, workflow_version, status, input, last_seq) VALUES ('renewal-vs-store', 'plain', 1, 'RUNNING', 'null', 1)`,
  );
  const { rows } = await rt.db.pool.query<{ id: string }>(
    `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, lease_owner, deadline_at)
     SELECT 'renewal-vs-store', 1, 'a' || n, 'noop', 'n', 'null', 1, 60, 'renewer', now() + interval '60 seconds' FROM generate_series(1, 2) n
     RETURNING id`,
  );
  const [finishing, running] = rows.map((row) => Number(row.id)) as [number, number];
  // A store of the turn that took the first task's result holds its row, as it deletes it.
  const store = await rt.db.pool.connect();
  try {
    await store.query("BEGIN");
    await store.query("DELETE FROM activity_task WHERE id = $1", [finishing]);
    const before = await visibleAt(running);

    const held = await renewTaskLeases(rt.db.pool, "renewer", [finishing, running], new Map([[running, { done: 3 }]]), TASK_LEASE);

    // The task being stored is still held until its store ends; the other was renewed now, with its heartbeat.
    expect([...held.leased].sort()).toEqual([finishing, running].sort());
    expect([...held.renewed]).toEqual([running]);
    expect((await visibleAt(running)).getTime()).toBeGreaterThan(before.getTime());
    const { rows: saved } = await rt.db.pool.query("SELECT heartbeat_details FROM activity_task WHERE id = $1", [running]);
    expect(saved[0].heartbeat_details).toEqual({ done: 3 });
    await store.query("COMMIT");
  } finally {
    store.release();
  }
  // Once the store committed, the finished task is no longer anyone's.
  const after = await renewTaskLeases(rt.db.pool, "renewer", [finishing, running], new Map(), TASK_LEASE);
  expect([...after.leased]).toEqual([running]);
  await rt.db.pool.query("DELETE FROM instance WHERE id = 'renewal-vs-store'");
}, 30_000);

async function visibleAt(taskId: number): Promise<Date> {
  const { rows } = await rt.db.pool.query("SELECT visible_at FROM activity_task WHERE id = $1", [taskId]);
  return rows[0].visible_at as Date;
}
