/**
 * What is stored as visible now can be taken now: a worker woken by the notice of a new start
 * message, or of a task handed back, claims it at once, even when its clock still reads the
 * instant the row was written. Each check runs inside one transaction, where `now()` stands
 * still, so that it is the same instant every time and the check cannot pass by luck.
 */
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { claimTasks, releaseTasks } from "./activity-sql.ts";
import { claimInstances } from "./orchestrator-sql.ts";
import { storeStarts } from "./start-batch.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";

/** Instants tried: a row rounded up past its instant would be missed in about half of them. */
const TRIES = 20;

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("plain", { version: 1, start: "done", nodes: { done: { type: "end" } } });
});
afterAll(() => rt.close());

/** Runs `check` in a transaction of its own, rolled back after, `TRIES` times. */
async function atOneInstant(check: (db: pg.Pool, attempt: number) => Promise<void>) {
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const client = await rt.db.pool.connect();
    try {
      await client.query("BEGIN");
      await check(client as unknown as pg.Pool, attempt);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }
}

it("an instance started now is claimed now", async () => {
  await atOneInstant(async (db, attempt) => {
    const id = `started-${attempt}`;
    const [outcome] = await storeStarts(db, [{ instanceId: id, workflowName: "plain", inputText: "null", messageText: "{}", test: false }]);
    expect(outcome?.outcome).toBe("started");
    const claimed = await claimInstances(db, "w1", 30, 10, 10);
    expect(claimed.map((instance) => instance.id)).toEqual([id]);
  });
});

it("a task handed back now is claimed now", async () => {
  await atOneInstant(async (db, attempt) => {
    await db.query(
      `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, visible_at)
       VALUES ($1, 1, 'a', 'handed_back', 'a', 'null', 1, 30, now() - interval '1 second')`,
      [`handed-back-${attempt}`],
    );
    const [leased] = await claimTasks(db, "busy", ["handed_back"], TASK_LEASE, 1);
    expect(leased).toBeDefined();
    await releaseTasks(db, "busy", [leased!.id]);
    const claimed = await claimTasks(db, "idle", ["handed_back"], TASK_LEASE, 1);
    expect(claimed.map((task) => task.id)).toEqual([leased!.id]);
  });
});
