/**
 * An instance's history and tasks go with it, however it is deleted, and no turn writes them for
 * an instance that is gone: neither is left behind where no instance row leads to it.
 */
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { claimInstances, storeTurns, type TurnToStore } from "./orchestrator-sql.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("plain", { version: 1, start: "done", nodes: { done: { type: "end" } } });
});
afterAll(() => rt.close());
beforeEach(() => rt.db.pool.query("DELETE FROM instance"));

/** Starts an instance and leases it to worker "w1", as a claim does before a turn. */
async function claimed(id: string) {
  await rt.instances.start("plain", null, { instanceId: id });
  const [instance] = await claimInstances(rt.db.pool, "w1", 30, 10, 10);
  expect(instance?.id).toBe(id);
  return instance!;
}

/** A turn of `id` that writes a history event and schedules an activity. */
function turnOf(instance: Awaited<ReturnType<typeof claimed>>): TurnToStore {
  const seq = instance.lastSeq + 1;
  const at = new Date().toISOString();
  return {
    messageIds: instance.messageIds,
    finishedTaskIds: [],
    turn: {
      instanceId: instance.id,
      generation: 1,
      lastSeq: seq,
      summary: { runtimeStatus: "RUNNING" },
      events: [{ type: "activity_scheduled", activityId: "a", node: "a", activity: "noop", input: null, attempt: 1, seq, at, generation: 1 }],
      tasks: [{ instanceId: instance.id, generation: 1, activityId: "a", activity: "noop", node: "a", input: null, attempt: 1, timeoutSeconds: 30, visibleAt: at }],
      timers: [],
      children: [],
      cancelledTimers: [],
      endedGenerations: [],
      ended: false,
      waiting: false,
      waits: { opened: [], closed: [] },
    } as unknown as TurnToStore["turn"],
  };
}

async function rowsOf(id: string) {
  const { rows } = await rt.db.pool.query(
    `SELECT (SELECT count(*) FROM history_event WHERE instance_id = $1)::int AS history,
            (SELECT count(*) FROM activity_task WHERE instance_id = $1)::int AS tasks`,
    [id],
  );
  return rows[0] as { history: number; tasks: number };
}

it("deleting an instance deletes its history and tasks", async () => {
  const instance = await claimed("deleted");
  expect((await storeTurns(rt.db.pool, "w1", [turnOf(instance)], TASK_LEASE)).stored).toEqual(new Set(["deleted"]));
  expect(await rowsOf("deleted")).toEqual({ history: 2, tasks: 1 });

  await rt.db.pool.query("DELETE FROM instance WHERE id = 'deleted'");
  expect(await rowsOf("deleted")).toEqual({ history: 0, tasks: 0 });
});

it("a turn of an instance deleted meanwhile is not stored and writes nothing", async () => {
  const instance = await claimed("gone");
  await rt.db.pool.query("DELETE FROM instance WHERE id = 'gone'");

  expect((await storeTurns(rt.db.pool, "w1", [turnOf(instance)], TASK_LEASE)).stored).toEqual(new Set());
  expect(await rowsOf("gone")).toEqual({ history: 0, tasks: 0 });
});

// Two sessions at once, one waiting on the other's lock: a server's, not the embedded database's one session.
it.skipIf(!process.env.DATABASE_URL)("a deletion that waits for a turn being stored deletes what the turn wrote", async () => {
  const instance = await claimed("raced");
  const storing = await rt.db.pool.connect();
  try {
    await storing.query("BEGIN");
    const { stored } = await storeTurns(storing as unknown as pg.Pool, "w1", [turnOf(instance)], TASK_LEASE);
    expect(stored).toEqual(new Set(["raced"]));

    const deletion = rt.db.pool.query("DELETE FROM instance WHERE id = 'raced'");
    await waitForLockWait(storing);
    await storing.query("COMMIT");
    expect((await deletion).rowCount).toBe(1);
  } finally {
    storing.release();
  }
  expect(await rowsOf("raced")).toEqual({ history: 0, tasks: 0 });
});

/** Until another session waits on a lock this one holds. */
async function waitForLockWait(holder: pg.PoolClient) {
  for (;;) {
    const { rows } = await rt.db.pool.query(
      "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))",
      [(holder as unknown as { processID: number }).processID],
    );
    if (rows[0].waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
