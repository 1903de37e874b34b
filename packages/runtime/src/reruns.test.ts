import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
const calls: string[] = [];
let broken = true;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker(
    new ActivityRegistry()
      .register("prepare", (x) => (calls.push("prepare"), (x as number) + 1))
      .register("ship", (x) => {
        calls.push("ship");
        if (broken) throw new Error("carrier down");
        return (x as number) * 10;
      }),
  );
  const definition = (factor: number) => ({
    version: 1,
    start: "prepare",
    nodes: {
      prepare: { type: "activity", activity: "prepare", input: "input", customStatus: "'prepared'", next: "ship" },
      ship: { type: "activity", activity: "ship", input: "steps.prepare", next: "done" },
      done: { type: "end", output: `[steps.prepare, steps.ship * ${factor}]` },
    },
  });
  await rt.workflows.publish("shipping", definition(1));
  await rt.workflows.publish("shipping", definition(2));
}, 60_000);

afterAll(() => rt.close());

describe("re-runs", () => {
  it("retries from the failed step with the earlier outputs, reruns from the start, and on another version", async () => {
    const failed = await rt.instances.start("shipping", 1, { version: 1 });
    expect(await waitForInstance(rt.instances, failed.instanceId)).toMatchObject({ runtimeStatus: "FAILED" });
    expect(calls).toEqual(["prepare", "ship"]);
    broken = false;
    calls.length = 0;

    const retry = await rt.instances.rerun(failed.instanceId, "retry_failed", { by: "olga" });
    expect(retry.origin).toEqual({ instanceId: failed.instanceId, kind: "retry_failed" });
    expect(await waitForInstance(rt.instances, retry.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: [2, 20], customStatus: "prepared" });
    expect(calls).toEqual(["ship"]);
    const [first] = await rt.instances.history(retry.instanceId);
    expect(first).toMatchObject({ type: "execution_started", origin: { instanceId: failed.instanceId, kind: "retry_failed", by: "olga" } });

    calls.length = 0;
    const fromStart = await rt.instances.rerun(failed.instanceId, "from_start");
    expect(await waitForInstance(rt.instances, fromStart.instanceId)).toMatchObject({ workflowVersion: 1, output: [2, 20] });
    expect(calls).toEqual(["prepare", "ship"]);

    const onVersion = await rt.instances.rerun(failed.instanceId, "on_version", { version: 2 });
    expect(await waitForInstance(rt.instances, onVersion.instanceId)).toMatchObject({ workflowVersion: 2, output: [2, 40] });

    const related = await rt.instances.related(failed.instanceId);
    expect(related.origin).toBeNull();
    expect(related.reruns.map((r) => [r.instanceId, r.kind]).sort()).toEqual(
      [[retry.instanceId, "retry_failed"], [fromStart.instanceId, "from_start"], [onVersion.instanceId, "on_version"]].sort(),
    );
    expect((await rt.instances.related(retry.instanceId)).origin).toEqual({ instanceId: failed.instanceId, kind: "retry_failed" });

    // The origin's own history says who re-ran it, how and as which instance; its outcome stays.
    const requested = (await rt.instances.history(failed.instanceId)).filter((event) => event.type === "rerun_requested");
    expect(requested).toEqual([
      expect.objectContaining({ rerunInstanceId: retry.instanceId, kind: "retry_failed", workflowVersion: 1, by: "olga" }),
      expect.objectContaining({ rerunInstanceId: fromStart.instanceId, kind: "from_start", workflowVersion: 1 }),
      expect.objectContaining({ rerunInstanceId: onVersion.instanceId, kind: "on_version", workflowVersion: 2 }),
    ]);
    expect(await rt.instances.get(failed.instanceId)).toMatchObject({ runtimeStatus: "FAILED", failure: { message: expect.stringMatching(/carrier down/) } });
  });

  it("refuses what cannot be re-run, saying why", async () => {
    const done = await rt.instances.start("shipping", 1);
    await waitForInstance(rt.instances, done.instanceId);
    await expect(rt.instances.rerun(done.instanceId, "retry_failed")).rejects.toThrow(/only a failed instance can be retried/);
    await expect(rt.instances.rerun(done.instanceId, "on_version")).rejects.toThrow(/needs the version/);
    await expect(rt.instances.rerun(done.instanceId, "on_version", { version: 9 })).rejects.toThrow(/version 9/);
    await expect(rt.instances.rerun("nobody", "from_start")).rejects.toThrow(/no instance/);
  });
});
