/**
 * Activity heartbeats on a real database: the details an attempt gives heartbeat() reach its
 * retry, a step's heartbeat timeout fails an attempt that goes silent, and details that could not
 * be stored are refused with an error that says why. (A crashed run's details: durability.test.ts.)
 */
import type { Json } from "@flowcraft/engine";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
/** What each attempt of `resumable` found to resume from, by instance. */
const resumedFrom = new Map<string, Array<Json | undefined>>();

beforeAll(async () => {
  rt = await createTestRuntime();
  const activities = new ActivityRegistry()
    .register("resumable", (_input, context) => {
      resumedFrom.set(context.instanceId, [...(resumedFrom.get(context.instanceId) ?? []), context.heartbeatDetails]);
      if (context.attempt > 1) return "resumed";
      context.heartbeat({ page: 1 });
      context.heartbeat({ page: 3 });
      throw new Error("the service went away on page 4");
    })
    // Silent on its first attempt until its signal stops it; beating every 200 ms for 2.5 s on the
    // next. It takes its context apart, as activities may.
    .register("falls_silent_once", async (_input, { attempt, signal, heartbeat }) => {
      if (attempt === 1) {
        await sleep(20_000, undefined, { signal });
        return "not reached";
      }
      for (let beat = 0; beat < 12; beat++) {
        heartbeat({ beat });
        await sleep(200);
      }
      return "kept beating";
    })
    .register("oversized_heartbeat", (_input, context) => {
      context.heartbeat({ page: "x".repeat(1_100_000) });
      return "not reached";
    });
  await rt.startWorker(activities);
}, 60_000);

afterAll(() => rt.close());

describe("activity heartbeats", () => {
  it.each([
    ["handed over in memory", 0],
    ["claimed from the table", 0.3],
  ])("a retry after a thrown error starts from the details the failed attempt last gave heartbeat() (%s)", async (_how, firstInterval) => {
    await rt.workflows.publish(`resumable_${firstInterval * 10}`, {
      version: 1,
      start: "a",
      nodes: { a: { type: "activity", activity: "resumable", retry: { maxAttempts: 2, firstInterval } } },
    });
    const { instanceId } = await rt.instances.start(`resumable_${firstInterval * 10}`, null);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: "resumed" });
    expect(resumedFrom.get(instanceId)).toEqual([undefined, { page: 3 }]);
  });

  it("fails an attempt that stops calling heartbeat() as HeartbeatTimeout, retried; one that keeps beating runs past the limit", async () => {
    await rt.workflows.publish("silent", {
      version: 1,
      start: "a",
      nodes: { a: { type: "activity", activity: "falls_silent_once", heartbeatTimeout: 1, retry: { maxAttempts: 2, firstInterval: 0 } } },
    });
    const startedAt = Date.now();
    const { instanceId } = await rt.instances.start("silent", null);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: "kept beating" });
    // Cut short after its one silent second, not after its 20 s or the step's 300 s timeout.
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    const failures = (await rt.instances.history(instanceId)).filter((e) => e.type === "activity_failed");
    expect(failures).toEqual([
      expect.objectContaining({ attempt: 1, error: { name: "HeartbeatTimeout", message: 'activity "falls_silent_once" did not call heartbeat() for 1 s' } }),
    ]);
  });

  it("refuses heartbeat details over 1 MiB with an error that says so, and fails only that step", async () => {
    await rt.workflows.publish("oversized", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "oversized_heartbeat" } } });
    const { instanceId } = await rt.instances.start("oversized", null);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({
      runtimeStatus: "FAILED",
      failure: { name: "InvalidHeartbeatDetails", message: "the value given to heartbeat() is 1100011 bytes as JSON; a value in history may take at most 1048576" },
    });
    // The worker goes on: another instance still runs.
    const { instanceId: next } = await rt.instances.start("resumable_0", null);
    expect(await waitForInstance(rt.instances, next)).toMatchObject({ runtimeStatus: "COMPLETED" });
  });
});
