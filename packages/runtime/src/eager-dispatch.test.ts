import { afterAll, beforeAll, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
}, 60_000);

afterAll(() => rt.close());

it("a busy worker hands back the tasks it leased but could not start in time, and an idle one runs them", async () => {
  const slow = new ActivityRegistry().register("slow", async (x) => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return x;
  });
  // The deciding worker runs one attempt at a time and leases itself at most one more; the
  // other worker only runs activities, so it gets the queued tasks and the handed-back one.
  const busy = await rt.startWorker(slow, { maxConcurrentActivities: 1 });
  const idle = await rt.startWorker(slow, { orchestrate: false });
  await rt.workflows.publish("slow-fan", {
    version: 1,
    start: "fan",
    nodes: {
      fan: { type: "map", items: "[1..4]", body: { start: "work", nodes: { work: { type: "activity", activity: "slow", input: "item" } } } },
    },
  });
  const { instanceId } = await rt.instances.start("slow-fan", null);
  const done = await waitForInstance(rt.instances, instanceId);
  expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: [1, 2, 3, 4] });

  const { rows } = await rt.db.pool.query<{ worker: string; runs: number }>(
    `SELECT data->>'worker' AS worker, count(*)::int AS runs FROM history_event
     WHERE instance_id = $1 AND type = 'activity_completed' GROUP BY 1`,
    [instanceId],
  );
  const runsBy = Object.fromEntries(rows.map((r) => [r.worker, r.runs]));
  // Kept waiting behind a 3 s attempt, the second leased task would have run on the busy worker
  // after it; instead it went back to the queue, and the idle worker ran three of the four.
  expect(runsBy).toEqual({ [busy.id]: 1, [idle.id]: 3 });
}, 30_000);
