/**
 * An eventId names one event for the whole life of an instance: raised again, it is a repeat,
 * even after the instance continued as new and its current history no longer holds the first.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let decisions: ReturnType<typeof steppedOrchestrator>;

beforeAll(async () => {
  rt = await createTestRuntime();
  decisions = steppedOrchestrator(rt.db.pool);
  // Each check waits for one ping; each next check runs in a new generation.
  await rt.workflows.publish("pings", {
    version: 1,
    start: "watch",
    nodes: {
      watch: { type: "monitor", body: { start: "ping", nodes: { ping: { type: "wait", event: "ping" } } }, interval: 0, maxIterations: 10 },
    },
  });
});
afterAll(() => rt.close());

/** Decides until nothing is left to decide now. */
async function settle() {
  while ((await decisions.orchestrator.runOnce()) > 0);
}

const generationOf = async (instanceId: string) => (await rt.instances.get(instanceId)).generation;

it("a monitor that continued as new takes a repeated eventId as the repeat it is", async () => {
  const { instanceId } = await rt.instances.start("pings", null);
  await settle();
  await rt.instances.raiseEvent(instanceId, "ping", 1, { eventId: "ping-1" });
  await settle();
  expect(await generationOf(instanceId)).toBe(2);

  await rt.instances.raiseEvent(instanceId, "ping", 1, { eventId: "ping-1" });
  await settle();
  expect(await generationOf(instanceId)).toBe(2);
  const history = await rt.instances.history(instanceId);
  expect(history.filter((e) => e.type === "event_raised").map((e) => [e.generation, e.type === "event_raised" && e.eventId])).toEqual([[1, "ping-1"]]);
  // Dropped with the turn that found it a repeat, not left to claim the instance again.
  expect((await rt.db.pool.query("SELECT count(*)::int AS n FROM inbox_message WHERE instance_id = $1", [instanceId])).rows[0].n).toBe(0);

  await rt.instances.raiseEvent(instanceId, "ping", 2, { eventId: "ping-2" });
  await settle();
  expect(await generationOf(instanceId)).toBe(3);
  expect(decisions.errors).toEqual([]);
});
