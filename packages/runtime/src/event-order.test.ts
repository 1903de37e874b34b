/** An event that arrived before a wait's deadline wins, even when both are processed together. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(() => rt.close());

it("takes the event raised before the timeout, though no worker ran until after the deadline", async () => {
  await rt.workflows.publish("deadline", {
    version: 1,
    start: "w",
    nodes: {
      // Long enough that the worker surely stops before the deadline, even on a busy machine.
      w: { type: "wait", event: "go", timeout: 5, onTimeout: "late", next: "onTime" },
      onTime: { type: "end", output: "'on time'" },
      late: { type: "end", output: "'timed out'" },
    },
  });
  const worker = await rt.startWorker();
  const { instanceId } = await rt.instances.start("deadline", null);
  await waitForInstance(rt.instances, instanceId, (v) => v.runtimeStatus === "RUNNING");
  await worker.stop();
  await rt.instances.raiseEvent(instanceId, "go", { ok: true });
  const created = (await rt.instances.history(instanceId)).find((e) => e.type === "timer_created");
  expect(created?.type === "timer_created" && Date.parse(created.fireAt)).toBeGreaterThan(Date.now());
  // Both the event and the due timer now wait in the inbox for the next worker.
  const fireAt = created?.type === "timer_created" ? Date.parse(created.fireAt) : 0;
  await new Promise((resolve) => setTimeout(resolve, fireAt - Date.now() + 300));
  await rt.startWorker();
  const done = await waitForInstance(rt.instances, instanceId);
  expect(done.output).toBe("on time");
  const types = (await rt.instances.history(instanceId)).map((e) => e.type);
  expect(types.indexOf("event_raised")).toBeLessThan(types.indexOf("timer_fired"));
});
