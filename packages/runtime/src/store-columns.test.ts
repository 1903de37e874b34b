/**
 * A stored turn's history events and tasks read back exactly as the turn wrote them, whatever
 * text they carry: the store sends them as one JSON array per column (store-columns.ts), and
 * no quote, brace, comma, backslash or the word NULL may shift, split or blank a value.
 */
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { claimInstances, storeTurns } from "./orchestrator-sql.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";
import type { NewTask, Turn } from "./turn.ts";
import type { HistoryEvent, Json } from "@flowcraft/engine";

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("plain", { version: 1, start: "done", nodes: { done: { type: "end" } } });
});
afterAll(() => rt.close());
beforeEach(() => rt.db.pool.query("DELETE FROM instance"));

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
      await rt.instances.start("plain", null, { instanceId: id });
      const [instance] = await claimInstances(rt.db.pool, "w1", 30, 10, 10);
      const at = "2026-01-02T03:04:05.678Z";
      const events = outputs.map((output, i) => ({ type: "activity_completed", activityId: specs[0]!.activityId, output, seq: instance!.lastSeq + 1 + i, at, generation: 1 }));
      const tasks: NewTask[] = specs.map((spec) => ({ instanceId: id, generation: 1, attempt: 1, timeoutSeconds: 30, visibleAt: at, ...spec }));
      const turn = { instanceId: id, generation: 1, lastSeq: instance!.lastSeq + events.length, summary: { runtimeStatus: "RUNNING" }, events, tasks, timers: [], children: [],
        cancelledTimers: [], endedGenerations: [], ended: false, waiting: false, waits: { opened: [], closed: [] } } as unknown as Turn;
      const { stored } = await storeTurns(rt.db.pool, "w1", [{ turn, messageIds: instance!.messageIds, finishedTaskIds: [] }], TASK_LEASE);
      expect(stored).toEqual(new Set([id]));

      const history = await rt.db.pool.query("SELECT seq, generation, type, data::text AS data, at FROM history_event WHERE instance_id = $1 AND seq > 1 ORDER BY seq", [id]);
      expect(history.rows.map((row) => ({ ...JSON.parse(row.data), type: row.type, seq: row.seq, generation: row.generation, at: row.at.toISOString() }))).toEqual(
        events.map((event) => ({ ...event, output: JSON.parse(JSON.stringify(event.output)) }) as HistoryEvent),
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
