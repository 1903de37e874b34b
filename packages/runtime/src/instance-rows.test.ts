/**
 * The history and task rows a stored turn writes: they read back exactly as the turn wrote them,
 * whatever text they carry (a store sends them as one JSON array per column, see
 * store-columns.ts, and no quote, brace, comma, backslash or the word NULL may shift, split or
 * blank a value). They go with their instance, however it is deleted, and no turn writes them
 * for an instance that is gone: neither is left behind where no instance row leads to it.
 */
import fc from "fast-check";
import type pg from "pg";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { HistoryEvent, Json } from "@flowcraft/engine";
import { claimInstances, storeTurns, type TurnToStore } from "./orchestrator-sql.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";
import type { NewTask, Turn } from "./turn.ts";

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

type Claimed = Awaited<ReturnType<typeof claimed>>;
type EventBody = Omit<HistoryEvent, "seq" | "at"> & Record<string, unknown>;
type TaskSpec = Omit<NewTask, "instanceId" | "generation" | "visibleAt">;

/** A turn of the claimed instance that writes these history events and schedules these activities: by default one of each. */
function turnOf(
  instance: Claimed,
  events: EventBody[] = [{ type: "activity_scheduled", activityId: "a", node: "a", activity: "noop", input: null, attempt: 1 } as EventBody],
  tasks: TaskSpec[] = [{ activityId: "a", activity: "noop", node: "a", input: null, attempt: 1, timeoutSeconds: 30 }],
  at = new Date().toISOString(),
): TurnToStore {
  return {
    messageIds: instance.messageIds,
    finishedTaskIds: [],
    turn: {
      instanceId: instance.id,
      generation: 1,
      lastSeq: instance.lastSeq + events.length,
      summary: { runtimeStatus: "RUNNING" },
      events: events.map((event, i) => ({ ...event, seq: instance.lastSeq + 1 + i, at, generation: 1 })),
      tasks: tasks.map((task) => ({ instanceId: instance.id, generation: 1, visibleAt: at, ...task })),
      timers: [],
      children: [],
      cancelledTimers: [],
      endedGenerations: [],
      ended: false,
      waiting: false,
      waits: { opened: [], closed: [] },
    } as unknown as Turn,
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

/** Text Postgres can store (no NUL), heavy in what array and JSON syntax give meaning to. */
const tricky = fc.string({ unit: fc.constantFrom('"', "\\", "{", "}", "[", "]", ",", "'", " ", "\n", "\t", "N", "U", "L", "a", "é", "中", "😀"), maxLength: 8 });
const json: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2, stringUnit: fc.constantFrom('"', "\\", "{", ",", "N", "a", "😀") }) as fc.Arbitrary<Json>;

const task = fc.record({
  activityId: tricky,
  activity: tricky,
  node: tricky,
  input: json,
  heartbeatDetails: fc.option(json, { nil: undefined }),
  heartbeatTimeoutSeconds: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  traceparent: fc.option(tricky, { nil: undefined }),
  leased: fc.boolean(),
  sticky: fc.boolean(),
});

it("history and tasks read back as written, whatever text they hold", async () => {
  let round = 0;
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(task, { minLength: 1, maxLength: 4, selector: (t) => t.activityId }), fc.array(json, { minLength: 1, maxLength: 3 }), async (specs, outputs) => {
      const id = `round-${round++}`;
      const instance = await claimed(id);
      const at = "2026-01-02T03:04:05.678Z";
      const bodies = outputs.map((output) => ({ type: "activity_completed", activityId: specs[0]!.activityId, output }) as EventBody);
      const toStore = turnOf(instance, bodies, specs.map((spec) => ({ attempt: 1, timeoutSeconds: 30, ...spec })), at);
      expect((await storeTurns(rt.db.pool, "w1", [toStore], TASK_LEASE)).stored).toEqual(new Set([id]));

      const history = await rt.db.pool.query("SELECT seq, generation, type, data::text AS data, at FROM history_event WHERE instance_id = $1 AND seq > 1 ORDER BY seq", [id]);
      expect(history.rows.map((row) => ({ ...JSON.parse(row.data), type: row.type, seq: row.seq, generation: row.generation, at: row.at.toISOString() }))).toEqual(
        toStore.turn.events.map((event) => ({ ...event, output: JSON.parse(JSON.stringify((event as { output: Json }).output)) })),
      );
      const rows = await rt.db.pool.query(
        `SELECT activity_id, activity, node, input, heartbeat_details, heartbeat_timeout_seconds, traceparent, lease_owner, sticky_owner
         FROM activity_task WHERE instance_id = $1 ORDER BY id`,
        [id],
      );
      expect(rows.rows).toEqual(
        specs.map((spec) => ({
          activity_id: spec.activityId,
          activity: spec.activity,
          node: spec.node,
          input: JSON.parse(JSON.stringify(spec.input)),
          // Absent details and JSON null are both none.
          heartbeat_details: spec.heartbeatDetails === undefined || spec.heartbeatDetails === null ? null : JSON.parse(JSON.stringify(spec.heartbeatDetails)),
          heartbeat_timeout_seconds: spec.heartbeatTimeoutSeconds ?? null,
          traceparent: spec.traceparent ?? null,
          lease_owner: spec.leased ? "w1" : null,
          sticky_owner: spec.sticky ? "w1" : null,
        })),
      );
    }),
    { numRuns: 60 },
  );
});

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
