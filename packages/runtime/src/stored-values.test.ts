import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker(
    new ActivityRegistry()
      .register("lone_surrogate", () => ({ text: "half of 😀 is \ud83d" }))
      .register("throw_lone_surrogate", () => {
        throw new Error("broken \udc00 message");
      })
      .register("echo", (x) => x),
  );
}, 60_000);

afterAll(() => rt.close());

async function run(name: string, nodes: Record<string, unknown>, input: unknown = null) {
  await rt.workflows.publish(name, { version: 1, start: "a", nodes });
  const { instanceId } = await rt.instances.start(name, input as never);
  return { instanceId, view: await waitForInstance(rt.instances, instanceId) };
}

async function largestEvent(instanceId: string): Promise<number> {
  const { rows } = await rt.db.pool.query("SELECT max(octet_length(data::text)) AS largest FROM history_event WHERE instance_id = $1", [instanceId]);
  return Number(rows[0].largest);
}

describe("what history stores is always storable and bounded", () => {
  it("an input or an event payload over 1 MiB, or one Postgres cannot store, is refused with the reason, and nothing is stored", async () => {
    await rt.workflows.publish("takes_input", { version: 1, start: "w", nodes: { w: { type: "wait", event: "go" } } });
    const large = "x".repeat(1024 * 1024);
    await expect(rt.instances.start("takes_input", large, { instanceId: "too-large" })).rejects.toMatchObject({
      code: "invalid",
      message: "the input is 1048578 bytes as JSON; a value in history may take at most 1048576",
    });
    await expect(rt.instances.start("takes_input", { text: "half \ud83d" }, { instanceId: "lone" })).rejects.toMatchObject({
      code: "invalid",
      message: "the input holds a string with a lone surrogate (\\ud83d), which is not valid Unicode and cannot be stored",
    });
    const { rows } = await rt.db.pool.query("SELECT count(*)::int AS n FROM instance WHERE id IN ('too-large', 'lone')");
    expect(rows[0].n).toBe(0);

    const { instanceId } = await rt.instances.start("takes_input", null);
    await expect(rt.instances.raiseEvent(instanceId, "go", large)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/^the event's payload is 1048578 bytes as JSON/) });
    const { rows: inbox } = await rt.db.pool.query("SELECT count(*)::int AS n FROM inbox_message WHERE instance_id = $1 AND kind = 'event'", [instanceId]);
    expect(inbox[0].n).toBe(0);
  });

  it("an activity input over 1 MiB fails its step with the limit named, and is never stored", async () => {
    const { instanceId, view } = await run("big_input", {
      a: { type: "activity", activity: "echo", input: "$pad('', 2000000, 'x')", onError: { next: "handled" } },
      handled: { type: "end", output: "error.message" },
    });
    expect(view).toMatchObject({ runtimeStatus: "COMPLETED", output: "$pad('', 2000000, 'x'): yields a value over the 1048576 bytes a value in history may take" });
    expect(await largestEvent(instanceId)).toBeLessThan(10_000);
  });

  it("an input built by doubling a string fails at the string budget, long before it is large", async () => {
    const expression = "$reduce([1..27], function($a, $b){ $a & $a }, 'x')";
    const { instanceId, view } = await run("doubling_input", { a: { type: "activity", activity: "transform", input: expression } });
    expect(view).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ExpressionError", message: `${expression}: exceeded the size budget of 5000000 characters in one string` } });
    expect(await largestEvent(instanceId)).toBeLessThan(10_000);
    const history = await rt.instances.history(instanceId, {});
    expect(history.map((e) => e.type)).toEqual(["execution_started", "execution_failed"]);
  });

  it("an activity output with a lone surrogate fails the step, saying why, instead of being refused by Postgres", async () => {
    const { view } = await run("lone_output", { a: { type: "activity", activity: "lone_surrogate" } });
    expect(view).toMatchObject({
      runtimeStatus: "FAILED",
      failure: { name: "InvalidOutput", message: "activity output holds a string with a lone surrogate (\\ud83d), which is not valid Unicode and cannot be stored" },
    });
  });

  it("an activity error with a lone surrogate is stored with U+FFFD in its place", async () => {
    const { view } = await run("lone_error", { a: { type: "activity", activity: "throw_lone_surrogate" } });
    expect(view).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ActivityFailed", message: "broken \ufffd message" } });
  });
});
