/** A wait's timeout timer leaves the inbox once the wait is answered: it must not cost a turn later. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("two_waits", {
    version: 1,
    start: "first",
    nodes: {
      first: { type: "wait", event: "go", timeout: 3600, next: "second" },
      second: { type: "wait", event: "stop" },
    },
  });
});
afterAll(() => rt.close());

const lastSeqOf = async (instanceId: string) => (await rt.db.pool.query("SELECT last_seq FROM instance WHERE id = $1", [instanceId])).rows[0].last_seq;

const timerRows = async (instanceId: string) =>
  (await rt.db.pool.query("SELECT dedupe_key FROM inbox_message WHERE instance_id = $1 AND kind = 'timer'", [instanceId])).rows.map((r) => r.dedupe_key);

it("answering a wait removes its timeout timer, and the hour passing costs no turn", async () => {
  const { orchestrator: decisions, errors } = steppedOrchestrator(rt.db.pool);
  const { instanceId } = await rt.instances.start("two_waits", null);
  expect(await decisions.runOnce()).toBe(1);
  expect(await timerRows(instanceId)).toEqual(["timer:1:first:timeout"]);

  await rt.instances.raiseEvent(instanceId, "go", 1);
  expect(await decisions.runOnce()).toBe(1);
  expect(await timerRows(instanceId)).toEqual([]);

  // Whatever was left in the inbox falls due now, as it would have in an hour.
  await rt.db.pool.query("UPDATE inbox_message SET visible_at = now() WHERE instance_id = $1", [instanceId]);
  const lastSeq = await lastSeqOf(instanceId);
  expect(await decisions.runOnce()).toBe(0);
  expect(await lastSeqOf(instanceId)).toBe(lastSeq);
  expect((await rt.instances.history(instanceId)).map((e) => e.type)).not.toContain("timer_fired");
  expect(errors).toEqual([]);
});

it("a wait that takes an event raised before it began never stores its timeout timer", async () => {
  const { orchestrator: decisions, errors } = steppedOrchestrator(rt.db.pool);
  const { instanceId } = await rt.instances.start("two_waits", null);
  await rt.instances.raiseEvent(instanceId, "go", 1);
  expect(await decisions.runOnce()).toBe(1);
  expect((await rt.instances.history(instanceId)).map((e) => e.type)).toEqual(expect.arrayContaining(["timer_created", "event_consumed"]));
  expect(await timerRows(instanceId)).toEqual([]);
  expect(errors).toEqual([]);
});
