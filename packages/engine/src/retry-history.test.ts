import type { Definition } from "@flowcraft/definition";
import { describe, expect, it } from "vitest";
import { historyForRetry } from "./retry-history.ts";
import { Simulation } from "./test-simulation.ts";

const definition = (d: unknown) => d as Definition;

describe("historyForRetry", () => {
  const chain = definition({
    version: 1,
    start: "a",
    nodes: {
      a: { type: "activity", activity: "count", input: "input", next: "b" },
      b: { type: "activity", activity: "flaky", input: "steps.a", next: "done" },
      done: { type: "end", output: "[steps.a, steps.b]" },
    },
  });

  it("keeps the steps before the failure and runs only the failed one again", async () => {
    const calls: string[] = [];
    let broken = true;
    const activities = {
      count: (x: unknown) => (calls.push("count"), (x as number) + 1),
      flaky: (x: unknown) => {
        calls.push("flaky");
        if (broken) throw new Error("down");
        return (x as number) * 10;
      },
    };
    const failed = new Simulation(chain, activities);
    failed.start(1);
    await failed.settle();
    expect(failed.last()).toMatchObject({ type: "execution_failed" });

    broken = false;
    calls.length = 0;
    const retry = new Simulation(chain, activities);
    retry.history.push(...historyForRetry(failed.history));
    expect(retry.history.map((e) => e.type)).toEqual(["execution_started", "activity_scheduled", "activity_completed"]);
    await retry.settle();
    expect(calls).toEqual(["flaky"]);
    expect(retry.last()).toMatchObject({ type: "execution_completed", output: [2, 20] });
    expect(retry.history.map((e) => e.seq)).toEqual(retry.history.map((_, i) => i + 1));
  });

  it("leaves out open waits and unfired timers, and renumbers consumed events", async () => {
    const waits = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "got", nodes: { got: { type: "wait", event: "go" } } },
            { start: "pending", nodes: { pending: { type: "wait", event: "later", timeout: 60 } } },
            { start: "boom", nodes: { boom: { type: "activity", activity: "explode" } } },
          ],
        },
      },
    });
    const sim = new Simulation(waits, { explode: () => { throw new Error("boom"); } });
    sim.raise("go", 7);
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_failed" });
    const retried = historyForRetry(sim.history);
    expect(retried.filter((e) => e.type === "event_wait_started").map((e) => (e as { waitId: string }).waitId)).toEqual(["got"]);
    expect(retried.some((e) => e.type === "timer_created")).toBe(false);
    const consumed = retried.find((e) => e.type === "event_consumed") as { raisedSeq: number };
    expect(retried[consumed.raisedSeq - 1]).toMatchObject({ type: "event_raised", name: "go", payload: 7 });
  });

  it("keeps a completed child's step and starts the failed sub-workflow step again from its first attempt", async () => {
    const steps = definition({
      version: 1,
      start: "first",
      nodes: {
        first: { type: "subworkflow", workflow: "child", next: "second" },
        second: { type: "subworkflow", workflow: "child", retry: { maxAttempts: 2, firstInterval: 1 } },
      },
    });
    const failed = new Simulation(steps, {});
    failed.start(null);
    await failed.decide();
    failed.append({ type: "child_started", stepId: "first", attempt: 1, childId: "c1", workflowVersion: 1 });
    failed.append({ type: "child_completed", stepId: "first", attempt: 1, childId: "c1", output: 1 });
    for (const attempt of [1, 2]) {
      await failed.decide();
      if (attempt === 2) failed.fireTimer("second:retry2");
      if (attempt === 2) await failed.decide();
      failed.append({ type: "child_failed", stepId: "second", attempt, childId: `c2-${attempt}`, error: { name: "Boom", message: "boom" } });
    }
    await failed.decide();
    expect(failed.last()).toMatchObject({ type: "execution_failed", error: { name: "Boom", attempts: 2 } });

    const retry = new Simulation(steps, {});
    retry.history.push(...historyForRetry(failed.history));
    expect(retry.history.map((e) => e.type)).toEqual(["execution_started", "child_scheduled", "child_started", "child_completed"]);
    expect(await retry.decide()).toMatchObject([{ type: "start_child", stepId: "second", attempt: 1 }]);
  });
});
