/** open_wait holds what each instance waits on after its last stored turn, as the engine says it. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { Approvals } from "./approvals.ts";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let approvals: Approvals;
let decisions: ReturnType<typeof steppedOrchestrator>;

beforeAll(async () => {
  rt = await createTestRuntime();
  approvals = new Approvals(rt.db);
  decisions = steppedOrchestrator(rt.db.pool);
  await rt.workflows.publish("three-waits", {
    version: 1,
    start: "all",
    nodes: {
      all: {
        type: "parallel",
        branches: [
          { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: { summary: "input", groups: ["buyers"] }, next: "late" }, late: { type: "wait", event: "never", timeout: 0, onTimeout: "over" }, over: { type: "end" } } },
          { start: "shipped", nodes: { shipped: { type: "wait", event: "shipped", timeout: 3600 } } },
          { start: "nap", nodes: { nap: { type: "timer", duration: 3600 } } },
        ],
      },
    },
  });
  await rt.workflows.publish("asking-monitor", {
    version: 1,
    start: "ask",
    nodes: { ask: { type: "monitor", interval: 0, maxIterations: 3, body: { start: "question", nodes: { question: { type: "wait", event: "answer" } } } } },
  });
}, 60_000);

afterAll(() => rt.close());

async function settle() {
  while ((await decisions.orchestrator.runOnce()) > 0);
  expect(decisions.errors).toEqual([]);
}

const rowsOf = async (instanceId: string) =>
  (
    await rt.db.pool.query(
      `SELECT generation, wait_id, kind, node, event, approval, seq, started_at, due_at FROM open_wait WHERE instance_id = $1 ORDER BY generation, seq`,
      [instanceId],
    )
  ).rows;

const idsOf = async (instanceId: string) => (await rowsOf(instanceId)).map((row) => `${row.generation}:${row.wait_id}`);

it("holds each wait and timer from the turn that begins it, with how it began", async () => {
  const { instanceId } = await rt.instances.start("three-waits", "a chair");
  await settle();
  const history = await rt.instances.history(instanceId);
  const began = (id: string) => history.find((e) => (e.type === "event_wait_started" && e.waitId === id) || (e.type === "timer_created" && e.timerId === id))!;
  expect(await rowsOf(instanceId)).toEqual([
    { generation: 1, wait_id: "approve", kind: "approval", node: "approve", event: "approval_received", approval: { summary: "a chair", groups: ["buyers"] }, seq: began("approve").seq, started_at: new Date(began("approve").at), due_at: null },
    { generation: 1, wait_id: "shipped", kind: "event", node: "shipped", event: "shipped", approval: null, seq: began("shipped").seq, started_at: new Date(began("shipped").at), due_at: expect.any(Date) },
    { generation: 1, wait_id: "nap", kind: "timer", node: "nap", event: null, approval: null, seq: began("nap").seq, started_at: new Date(began("nap").at), due_at: expect.any(Date) },
  ]);

  await rt.instances.raiseEvent(instanceId, "shipped", null);
  await approvals.decide(instanceId, "approve", { decision: "approved", decider: { name: "bo", groups: ["buyers"] } });
  // The decision's turn begins a wait that times out at once: the next turn ends it.
  await settle();
  expect(await idsOf(instanceId)).toEqual(["1:nap"]);
  expect((await rt.instances.history(instanceId)).filter((e) => e.type === "timer_fired").map((e) => e.type === "timer_fired" && e.timerId)).toEqual(["late:timeout"]);

  await rt.instances.terminate(instanceId);
  await settle();
  expect(await idsOf(instanceId)).toEqual([]);
});

it("lets go of an approval once its decision is recorded, though the instance is suspended", async () => {
  const { instanceId } = await rt.instances.start("three-waits", "a desk");
  await settle();
  await rt.instances.suspend(instanceId);
  await settle();
  await approvals.decide(instanceId, "approve", { decision: "approved", decider: { name: "bo", groups: ["buyers"] } });
  await settle();
  expect((await rt.instances.get(instanceId)).runtimeStatus).toBe("SUSPENDED");
  expect(await idsOf(instanceId)).toEqual(["1:shipped", "1:nap"]);
  expect((await approvals.pending({ instanceId })).total).toBe(0);

  await rt.instances.resume(instanceId);
  await settle();
  expect(await idsOf(instanceId)).toEqual(["1:shipped", "1:nap"]);
  expect((await rt.instances.history(instanceId)).some((e) => e.type === "event_consumed" && e.waitId === "approve")).toBe(true);
});

it("keeps only the current generation's waits across a continue-as-new, and none once the instance ends", async () => {
  const { instanceId } = await rt.instances.start("asking-monitor", null);
  await settle();
  expect(await idsOf(instanceId)).toEqual(["1:question"]);
  await rt.instances.raiseEvent(instanceId, "answer", 1);
  // The answer's turn sets the interval timer; it fires in the next, which continues as new.
  await settle();
  expect((await rt.instances.get(instanceId)).generation).toBe(2);
  expect(await idsOf(instanceId)).toEqual(["2:question"]);

  await rt.instances.raiseEvent(instanceId, "answer", 2);
  await settle();
  await rt.instances.raiseEvent(instanceId, "answer", 3);
  await settle();
  expect((await rt.instances.get(instanceId)).runtimeStatus).toBe("COMPLETED");
  expect(await idsOf(instanceId)).toEqual([]);
});

it("goes with its instance when the instance is purged", async () => {
  const { instanceId } = await rt.instances.start("three-waits", "a lamp");
  await settle();
  // Ended without a turn of its own: only the purge's cascade takes its waits away.
  await rt.db.pool.query("UPDATE instance SET status = 'TERMINATED' WHERE id = $1", [instanceId]);
  expect(await idsOf(instanceId)).toHaveLength(3);
  await rt.instances.purge(instanceId);
  expect(await idsOf(instanceId)).toEqual([]);
});
