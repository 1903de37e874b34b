import { describe, expect, it } from "vitest";
import { evaluate, ExpressionLimitError, type Evaluator } from "./expression.ts";
import type { Json } from "./json.ts";
import { definition, Simulation } from "./test-simulation.ts";

/** An evaluator that counts how often each expression is evaluated. */
function counting(): { evaluate: Evaluator; count(expression: string): number } {
  const counts = new Map<string, number>();
  return {
    evaluate: (expression, context) => {
      counts.set(expression, (counts.get(expression) ?? 0) + 1);
      return evaluate(expression, context);
    },
    count: (expression) => counts.get(expression) ?? 0,
  };
}

/** An evaluator that answers one expression differently from now on, as an upgraded library might. */
function changing(expression: string, answer: Json): Evaluator {
  return (text, context) => (text === expression ? Promise.resolve(answer) : evaluate(text, context));
}

const routed = definition({
  version: 1,
  start: "first",
  nodes: {
    first: { type: "activity", activity: "echo", input: "input", next: "route" },
    route: {
      type: "decision",
      choices: [{ when: "steps.first.amount > 100", next: "a" }],
      default: "b",
    },
    a: { type: "activity", activity: "echo", input: "'a'" },
    b: { type: "activity", activity: "echo", input: "'b'" },
  },
});

const echo = { echo: (x: Json) => x };

describe("a decision's branch", () => {
  it("is recorded with the value that decided it, and a replay that would compute another keeps it", async () => {
    const sim = new Simulation(routed, echo);
    sim.start({ amount: 500 });
    await sim.decide();
    await sim.runActivities();
    await sim.decide();
    expect(sim.ofType("choice_recorded")).toMatchObject([{ key: "route", node: "route", of: "branch", choice: 0, next: "a", value: true }]);
    // Every later turn replays the decision: with an expression library that now says false, it
    // still goes the way the first run went, and schedules nothing on the other branch.
    sim.evaluate = changing("steps.first.amount > 100", false);
    await sim.runActivities();
    await sim.settle();
    expect(sim.ofType("activity_scheduled").map((e) => e.activityId)).toEqual(["first", "a"]);
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "a" });
  });

  it("is evaluated once in the instance's life, so a later overrun of time cannot fail a point already passed", async () => {
    const sim = new Simulation(routed, { echo: async (x: Json) => x });
    sim.start({ amount: 500 });
    await sim.decide();
    await sim.runActivities();
    await sim.decide();
    sim.evaluate = (expression, context) =>
      expression.startsWith("steps.first") ? Promise.reject(new ExpressionLimitError(`${expression}: ran out of time`)) : evaluate(expression, context);
    await sim.runActivities();
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "a" });
  });

  it("records that no choice matched, and the step fails the same way on every replay", async () => {
    const strict = definition({
      version: 1,
      start: "route",
      nodes: { route: { type: "decision", choices: [{ when: "input.go", next: "a" }] }, a: { type: "end" } },
    });
    const sim = new Simulation(strict, {});
    sim.start({ go: false });
    await sim.settle();
    expect(sim.ofType("choice_recorded")).toMatchObject([{ of: "branch", choice: null, next: null }]);
    expect(sim.last()).toMatchObject({ type: "execution_failed", error: { name: "NoChoiceMatched", node: "route" } });
  });
});

describe("a map's items", () => {
  const fan = definition({
    version: 1,
    start: "each",
    nodes: {
      each: {
        type: "map",
        items: "[1..input.n]",
        maxConcurrency: 3,
        body: {
          start: "work",
          nodes: {
            work: { type: "activity", activity: "echo", input: "item * 10", next: "shape" },
            shape: { type: "end", output: "{'v': steps.work}" },
          },
        },
      },
    },
  });

  it("are listed once and each iteration's output computed once, however many turns the map takes", async () => {
    const counter = counting();
    const sim = new Simulation(fan, echo);
    sim.evaluate = counter.evaluate;
    sim.start({ n: 20 });
    for (let turn = 0; turn < 100 && sim.last().type !== "execution_completed"; turn++) {
      await sim.decide();
      await sim.runActivities(1);
    }
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: Array.from({ length: 20 }, (_, i) => ({ v: (i + 1) * 10 })) });
    expect(sim.decisions.length).toBeGreaterThan(20);
    expect(counter.count("[1..input.n]")).toBe(1);
    expect(counter.count("item * 10")).toBe(20);
    expect(counter.count("{'v': steps.work}")).toBe(20);
  });

  it("keep the list first made when the expression would now list others", async () => {
    const sim = new Simulation(fan, echo);
    sim.start({ n: 2 });
    await sim.decide();
    sim.evaluate = changing("[1..input.n]", [7, 8, 9]);
    await sim.settle();
    expect(sim.ofType("activity_scheduled").map((e) => e.input)).toEqual([10, 20]);
    expect(sim.ofType("choice_recorded").filter((e) => e.of === "items")).toMatchObject([{ key: "each", items: [1, 2] }]);
  });
});

describe("a monitor's state and check", () => {
  const watch = definition({
    version: 1,
    start: "watch",
    nodes: {
      watch: {
        type: "monitor",
        state: "{'count': 0}",
        body: { start: "probe", nodes: { probe: { type: "activity", activity: "echo", input: "state.count" } } },
        nextState: "{'count': state.count + 1}",
        until: "state.count >= 1",
        interval: 30,
      },
    },
  });

  it("are evaluated once per generation and recorded, and the recorded stop test is the one obeyed", async () => {
    const counter = counting();
    const sim = new Simulation(watch, echo);
    sim.evaluate = counter.evaluate;
    sim.start(null);
    await sim.settle();
    await sim.decide();
    expect(counter.count("{'count': 0}")).toBe(1);
    expect(counter.count("{'count': state.count + 1}")).toBe(1);
    expect(counter.count("state.count >= 1")).toBe(1);
    expect(sim.ofType("choice_recorded")).toMatchObject([
      { of: "state", state: { count: 0 } },
      { of: "check", iteration: 1, nextState: { count: 1 }, stop: true },
    ]);
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: { count: 1 } });
  });

  it("keeps the recorded check when the stop test would now say otherwise", async () => {
    const slow = definition({ ...watch, nodes: { watch: { ...watch.nodes.watch!, until: "state.count >= 5" } } });
    const sim = new Simulation(slow, echo);
    sim.start(null);
    await sim.settle();
    expect(sim.openTimers).toEqual(["watch:interval"]);
    sim.evaluate = changing("state.count >= 5", true);
    sim.fireTimer("watch:interval");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "continued_as_new", resume: { state: { count: 1 }, iteration: 2 } });
  });
});
