/**
 * An idle runner looks ahead to its next queued task, to sleep until then. Under load most tasks
 * are leased already (eager dispatch stores them so), their visibility set to their lease's end:
 * the look-ahead must not read each of them, once a second, to find the few that are queued.
 */
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { nextTaskDueInMs } from "./activity-sql.ts";

let db: TestDatabase;

beforeAll(async () => {
  // One connection: its scans are counted on that backend.
  db = await createTestDatabase({ poolSize: 1 });
  await db.pool.query(`INSERT INTO instance (id, workflow_name, workflow_version, input) VALUES ('busy', 'w', 1, 'null')`);
  await db.pool.query(
    `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, visible_at, lease_owner, deadline_at)
     SELECT 'busy', 1, 'leased-' || n, 'look', 'n', 'null', 1, 60, now() + interval '60 seconds', 'runner', now() + interval '60 seconds'
     FROM generate_series(1, 3000) n`,
  );
});
afterAll(() => db.destroy());

async function queue(activityId: string, dueInMs: number) {
  await db.pool.query(
    `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, visible_at)
     VALUES ('busy', 1, $1, 'look', 'n', 'null', 1, 60, now() + make_interval(secs => $2))`,
    [activityId, dueInMs / 1000],
  );
}

/** Rows of activity_task read through an index so far, with this backend's own counts flushed first. */
async function taskRowsRead(): Promise<number> {
  await db.pool.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await db.pool.query(`SELECT idx_tup_fetch FROM pg_stat_user_tables WHERE relname = 'activity_task'`);
  return Number(rows[0].idx_tup_fetch);
}

it("finds the next queued task among thousands leased without reading them", async () => {
  await queue("retry-soon", 400);
  const before = await taskRowsRead();

  const due = await nextTaskDueInMs(db.pool, "runner", ["look"], 1_000);

  expect(due).toBeGreaterThan(0);
  expect(due).toBeLessThanOrEqual(400);
  expect((await taskRowsRead()) - before).toBeLessThan(50);
});

it("tells of no task when the next one falls due after the runner's longest sleep", async () => {
  await db.pool.query(`DELETE FROM activity_task WHERE activity_id = 'retry-soon'`);
  await queue("retry-later", 30_000);

  expect(await nextTaskDueInMs(db.pool, "runner", ["look"], 1_000)).toBeNull();
});
