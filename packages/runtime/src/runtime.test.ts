import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
const calls: string[] = [];
let flakyFailures = 0;

beforeAll(async () => {
  rt = await createTestRuntime();
  const activities = new ActivityRegistry()
    .register("add_one", (x) => (x as number) + 1)
    .register("record", (x) => {
      calls.push(String(x));
      return x;
    })
    .register("nul", () => "a\u0000b")
    .register("flaky", () => {
      if (flakyFailures-- > 0) throw new Error("not yet");
      return "finally";
    });
  await rt.startWorker(activities);
}, 60_000);

afterAll(() => rt.close());

describe("runtime on a real database", () => {
  it("runs a chain to completion and stores a gap-free history", async () => {
    await rt.workflows.publish("chain", {
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "add_one", input: "input", next: "b" },
        b: { type: "activity", activity: "add_one", input: "steps.a", next: "c" },
        c: { type: "end", output: "[steps.a, steps.b]" },
      },
    });
    const started = await rt.instances.start("chain", 1);
    const done = await waitForInstance(rt.instances, started.instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: [2, 3] });
    const { rows } = await rt.db.pool.query("SELECT seq, type FROM history_event WHERE instance_id = $1 ORDER BY seq", [started.instanceId]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.map((r) => r.type)).toEqual([
      "execution_started",
      "activity_scheduled",
      "activity_completed",
      "activity_scheduled",
      "activity_completed",
      "execution_completed",
    ]);
    const leftovers = await rt.db.pool.query("SELECT (SELECT count(*) FROM activity_task) AS tasks, (SELECT count(*) FROM inbox_message WHERE instance_id = $1) AS inbox", [started.instanceId]);
    expect(leftovers.rows[0]).toEqual({ tasks: 0, inbox: 0 });
  });

  it("retries a failing activity with backoff until it succeeds", async () => {
    flakyFailures = 2;
    await rt.workflows.publish("flaky", {
      version: 1,
      start: "f",
      nodes: { f: { type: "activity", activity: "flaky", retry: { maxAttempts: 3, firstInterval: 0.05 } } },
    });
    const { instanceId } = await rt.instances.start("flaky", null);
    const done = await waitForInstance(rt.instances, instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: "finally" });
    const history = await rt.instances.history(instanceId);
    expect(history.filter((e) => e.type === "activity_retrying").map((e) => e.type === "activity_retrying" && e.delaySeconds)).toEqual([0.05, 0.1]);
  });

  it("runs the built-in transform activity: its output is its input expression's value", async () => {
    await rt.workflows.publish("reshape", {
      version: 1,
      start: "shape",
      nodes: { shape: { type: "activity", activity: "transform", input: "{'total': $sum(input.items.price), 'count': $count(input.items)}" } },
    });
    const { instanceId } = await rt.instances.start("reshape", { items: [{ price: 2 }, { price: 3.5 }] });
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: { total: 5.5, count: 2 } });
  });

  it("fails a step whose output holds a NUL character, without holding up other results", async () => {
    await rt.workflows.publish("nul", { version: 1, start: "n", nodes: { n: { type: "activity", activity: "nul" } } });
    const { instanceId } = await rt.instances.start("nul", null);
    const done = await waitForInstance(rt.instances, instanceId);
    expect(done).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "InvalidOutput", message: expect.stringContaining("NUL") } });
  });

  it("delivers an event raised before the instance waits for it", async () => {
    await rt.workflows.publish("waiter", {
      version: 1,
      start: "pause",
      nodes: {
        pause: { type: "timer", duration: 0.3, next: "w" },
        w: { type: "wait", event: "go", next: "out" },
        out: { type: "end", output: "steps.w.value" },
      },
    });
    const { instanceId } = await rt.instances.start("waiter", null);
    await rt.instances.raiseEvent(instanceId, "go", { value: 42 });
    const done = await waitForInstance(rt.instances, instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: 42 });
  });

  it("suspends, resumes and terminates through the inbox, recording who did it", async () => {
    await rt.workflows.publish("long", {
      version: 1,
      start: "w",
      nodes: { w: { type: "wait", event: "never" } },
    });
    const { instanceId } = await rt.instances.start("long", null);
    await waitForInstance(rt.instances, instanceId, (v) => v.runtimeStatus === "RUNNING");
    await rt.instances.suspend(instanceId, { by: "ops", reason: "maintenance" });
    await waitForInstance(rt.instances, instanceId, (v) => v.runtimeStatus === "SUSPENDED");
    await expect(rt.instances.suspend(instanceId)).rejects.toThrow(/only a running instance/);
    await rt.instances.resume(instanceId, { by: "ops" });
    await waitForInstance(rt.instances, instanceId, (v) => v.runtimeStatus === "RUNNING");
    await rt.instances.terminate(instanceId, { by: "ops", reason: "done testing" });
    await waitForInstance(rt.instances, instanceId, (v) => v.runtimeStatus === "TERMINATED");
    await expect(rt.instances.raiseEvent(instanceId, "never", null)).rejects.toThrow(/has ended/);
    const types = (await rt.instances.history(instanceId)).map((e) => e.type);
    expect(types).toEqual(["execution_started", "event_wait_started", "suspended", "resumed", "terminated"]);
    const terminated = (await rt.instances.history(instanceId)).at(-1);
    expect(terminated).toMatchObject({ by: "ops", reason: "done testing" });
    await rt.instances.purge(instanceId);
    await expect(rt.instances.get(instanceId)).rejects.toThrow(/no instance/);
  });
});
