/**
 * An attempt cut short by its timeout fails as ActivityTimeout, however the activity reacts to
 * the abort it is sent: an activity that honours its signal, as the SDK asks, rejects at once,
 * and that rejection must not pass for a failure of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  const activities = new ActivityRegistry()
    .register("rejects_on_abort", (_input, { signal }) => new Promise<string>((_resolve, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")))))
    .register("returns_on_abort", (_input, { signal }) => new Promise<string>((resolve) => signal.addEventListener("abort", () => resolve("partial"))));
  await rt.startWorker(activities);
}, 60_000);

afterAll(() => rt.close());

describe("an attempt past its timeout", () => {
  it.each(["rejects_on_abort", "returns_on_abort"])("fails as ActivityTimeout, which an error path for timeouts takes (%s)", async (activity) => {
    await rt.workflows.publish(`timeout_${activity}`, {
      version: 1,
      start: "slow",
      nodes: {
        slow: { type: "activity", activity, timeout: 0.3, onError: { next: "late", errors: ["ActivityTimeout"] } },
        late: { type: "end", output: "error.name" },
      },
    });
    const { instanceId } = await rt.instances.start(`timeout_${activity}`, null);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: "ActivityTimeout" });
    const failed = (await rt.instances.history(instanceId)).find((event) => event.type === "activity_failed");
    expect(failed).toMatchObject({ error: { name: "ActivityTimeout", message: expect.stringContaining("timed out after 0.3 s") } });
  });
});
