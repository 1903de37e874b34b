import { afterEach, describe, expect, it, vi } from "vitest";
import { decide } from "./decide.ts";
import { evaluate, ExpressionError, ExpressionLimitError } from "./expression.ts";
import { EXPRESSION_DEPTH_BUDGET, EXPRESSION_SEQUENCE_BUDGET, EXPRESSION_STEP_BUDGET, EXPRESSION_TIME_BUDGET_MS } from "./expression-budget.ts";
import { definition, Simulation } from "./test-simulation.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("expression budget", () => {
  it.each([
    ["a recursion that never ends", "($f := function($x){ 1 + $f($x) }; $f(1))", `depth budget of ${EXPRESSION_DEPTH_BUDGET}`],
    ["a tail recursion that never ends", "($f := function($x){ $f($x) }; $f(1))", `step budget of ${EXPRESSION_STEP_BUDGET}`],
    ["a loop over half a million items", "$sum([1..500000].($ * 2))", `step budget of ${EXPRESSION_STEP_BUDGET}`],
    ["a map over half a million items", "$map([1..500000], function($v){ $v })", `step budget of ${EXPRESSION_STEP_BUDGET}`],
    ["a range of ten million items", "$sum([1..10000000].($ * 2))", `size budget of ${EXPRESSION_SEQUENCE_BUDGET} items`],
    ["a runaway inside $eval", '$eval("($f := function($x){ $f($x) }; $f(1))")', `step budget of ${EXPRESSION_STEP_BUDGET}`],
  ])("stops %s with an error naming the budget and the expression", async (_case, expression, budget) => {
    const error = await evaluate(expression, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as Error).message).toContain(budget);
    expect((error as Error).message.startsWith(`${expression}: exceeded`)).toBe(true);
  });

  it("leaves room for real work: a recursion 100 levels deep, a loop over 20,000 items", async () => {
    expect(await evaluate("($f := function($x){ $x > 0 ? 1 + $f($x - 1) : 0 }; $f(100))", {})).toBe(100);
    expect(await evaluate("$sum([1..20000].($ * 2))", {})).toBe(400_020_000);
  });

  it("counts each evaluation on its own, even of one expression at the same time", async () => {
    // Each takes 80,007 steps: together they would be over the budget.
    const expression = "$sum([1..20000].($ * 2))";
    expect(await Promise.all([evaluate(expression, {}), evaluate(expression, {})])).toEqual([400_020_000, 400_020_000]);
  });

  it("pauses a long evaluation so that other work runs meanwhile", async () => {
    const order: string[] = [];
    setTimeout(() => order.push("other work"), 0);
    await evaluate("$sum([1..20000].($ * 2))", {}).then(() => order.push("evaluation"));
    expect(order).toEqual(["other work", "evaluation"]);
  });

  it("stops an evaluation that runs out of time with its own error", async () => {
    slowClock();
    const error = await evaluate("$sum([1..100].($ * 2))", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect((error as Error).message).toBe(`$sum([1..100].($ * 2)): exceeded the time budget of ${EXPRESSION_TIME_BUDGET_MS} ms`);
  });
});

/** Every clock reading is 100 ms after the last: the 11th step of an evaluation is over time. */
function slowClock() {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => (now += 100));
}

describe("expression budget in a workflow", () => {
  const runaway = definition({
    version: 1,
    start: "a",
    nodes: {
      a: { type: "activity", activity: "echo", input: "$sum([1..500000].($ * 2))", onError: { next: "handled" } },
      handled: { type: "end", output: "error" },
    },
  });

  it("an expression over its step budget fails its step, and the error path runs", async () => {
    const sim = new Simulation(runaway, { echo: (x) => x });
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({
      type: "execution_completed",
      output: { name: "ExpressionError", node: "a", message: expect.stringContaining("$sum([1..500000].($ * 2)): exceeded the step budget") },
    });
  });

  it("a step budget overrun replays the same way: deciding again over a history gives what was recorded", async () => {
    const handled = definition({
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "echo", input: "$map([1..500000], function($v){ $v })", onError: { next: "b" } },
        b: { type: "activity", activity: "echo", input: "error.name", next: "c" },
        c: { type: "end", output: "steps.b" },
      },
    });
    const sim = new Simulation(handled, { echo: (x) => x });
    sim.start(null);
    // Each decision re-evaluates the runaway input; deciding twice must give the same commands.
    for (let turn = 0; turn < 10 && sim.last().type !== "execution_completed"; turn++) {
      const before = [...sim.history];
      const commands = await sim.decide();
      expect((await decide(handled, before, sim.now)).commands).toEqual(commands);
      await sim.runActivities();
    }
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "ExpressionError" });
  });

  it("an expression out of time fails the instance, not the step, so no replay can take another path", async () => {
    const sim = new Simulation(runaway, { echo: (x) => x });
    sim.start(null);
    slowClock();
    await sim.decide();
    vi.restoreAllMocks();
    expect(sim.last()).toMatchObject({
      type: "execution_failed",
      error: { name: "ExpressionError", node: "a", message: expect.stringContaining("exceeded the time budget") },
    });
    // Recorded once: an ended instance is not interpreted again, however fast the expression now runs.
    expect(await sim.decide()).toEqual([]);
  });

  it("an expression out of time drops what the same decision had planned", async () => {
    const parallel = definition({
      version: 1,
      start: "p",
      nodes: {
        p: {
          type: "parallel",
          branches: [
            { start: "fast", nodes: { fast: { type: "activity", activity: "echo", input: "1" } } },
            { start: "slow", nodes: { slow: { type: "activity", activity: "echo", input: "$sum([1..100].($ * 2))" } } },
          ],
        },
      },
    });
    const sim = new Simulation(parallel, { echo: (x) => x });
    sim.start(null);
    slowClock();
    expect((await sim.decide()).map((c) => c.type)).toEqual(["fail"]);
  });
});
