import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPRESSION_STEP_BUDGET, EXPRESSION_TIME_BUDGET_MS } from "@flowcraft/engine";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker(new ActivityRegistry().register("add_one", (x) => (x as number) + 1));
}, 60_000);

afterAll(() => rt.close());

const RUNAWAYS = ["($f := function($x){ $f($x) }; $f(1))", "$sum([1..500000].($ * 2))", "$map([1..500000], function($v){ $v })"];

describe("runaway expressions on a real database", () => {
  it("fail their step with the budget and the expression named, while an instance started alongside completes", async () => {
    for (const [i, expression] of RUNAWAYS.entries()) {
      await rt.workflows.publish(`runaway_${i}`, { version: 1, start: "loop", nodes: { loop: { type: "activity", activity: "transform", input: expression } } });
    }
    await rt.workflows.publish("steady", {
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "add_one", input: "input", next: "pause" },
        pause: { type: "timer", duration: 0.2, next: "b" },
        b: { type: "activity", activity: "add_one", input: "steps.a" },
      },
    });
    const runaways = await Promise.all(RUNAWAYS.map((_, i) => rt.instances.start(`runaway_${i}`, null)));
    const steady = await rt.instances.start("steady", 1);

    expect(await waitForInstance(rt.instances, steady.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: 3 });
    for (const [i, { instanceId }] of runaways.entries()) {
      const failed = await waitForInstance(rt.instances, instanceId);
      expect(failed).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "ExpressionError", node: "loop" } });
      // The step budget, or on a machine busy enough to slow the evaluation, the time budget first.
      const budgets = [`step budget of ${EXPRESSION_STEP_BUDGET} evaluation steps`, `time budget of ${EXPRESSION_TIME_BUDGET_MS} ms`];
      const message = failed.failure?.message ?? "";
      expect(budgets.some((budget) => message.startsWith(`${RUNAWAYS[i]}: exceeded the ${budget}`)), message).toBe(true);
      const { rows } = await rt.db.pool.query("SELECT type, data FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
      expect(rows.map((r) => r.type), RUNAWAYS[i]).toEqual(["execution_started", "execution_failed"]);
    }
  });

  it("take the step's error path like any other step failure", async () => {
    await rt.workflows.publish("runaway_handled", {
      version: 1,
      start: "loop",
      nodes: {
        loop: { type: "activity", activity: "transform", input: "$sum([1..500000].($ * 2))", onError: { next: "recover" } },
        recover: { type: "activity", activity: "add_one", input: "41" },
      },
    });
    const { instanceId } = await rt.instances.start("runaway_handled", null);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: 42 });
  });
});
