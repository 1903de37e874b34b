import { describe, expect, it } from "vitest";
import type { Json } from "./json.ts";
import { progressOf, type InstanceProgress } from "./progress.ts";
import { definition, Simulation } from "./test-simulation.ts";

const num = (x: Json) => {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x;
};

const stateOf = (progress: InstanceProgress, node: string) => progress.nodes.get(node)?.state;
const place = (progress: InstanceProgress, key: string) => progress.places.find((p) => p.key === key);

describe("fan-out progress", () => {
  const fanout = definition({
    version: 1,
    start: "batch",
    nodes: {
      batch: { type: "activity", activity: "batch", input: "input", next: "each" },
      each: {
        type: "map",
        items: "steps.batch",
        maxConcurrency: 3,
        body: { start: "double", nodes: { double: { type: "activity", activity: "double", input: "item" } } },
        next: "sum",
      },
      sum: { type: "end", output: "$sum(steps.each)" },
    },
  });
  const activities = { batch: (n: Json) => Array.from({ length: num(n) }, (_, i) => i + 1), double: (x: Json) => num(x) * 2 };

  it("counts every iteration, those the concurrency limit holds back as pending", async () => {
    const sim = new Simulation(fanout, activities);
    sim.start(5);
    await sim.decide();
    await sim.runActivities();
    await sim.decide();
    await sim.runActivities(1);
    const progress = await progressOf(fanout, sim.history);
    expect(progress.nodes.get("each")).toMatchObject({ state: "running", fanOut: { total: 5, byState: { completed: 1, running: 2, pending: 2 } } });
    expect(progress.nodes.get("double")).toMatchObject({ state: "running", counts: { completed: 1, running: 2, pending: 2 }, places: ["each[0].double", "each[1].double", "each[2].double", "each[3].double", "each[4].double"] });
    expect(place(progress, "each[0].double")).toMatchObject({ state: "completed", input: 1, output: 2, parent: "each" });
    expect(place(progress, "each[4].double")).toMatchObject({ state: "pending", attempts: [] });
    expect(stateOf(progress, "batch")).toBe("completed");
    expect(stateOf(progress, "sum")).toBe("pending");
  });

  it("ends with every iteration completed and times on each place", async () => {
    const sim = new Simulation(fanout, activities);
    sim.start(4);
    await sim.settle();
    const progress = await progressOf(fanout, sim.history);
    expect(progress.ending).toBe("completed");
    expect(progress.nodes.get("each")).toMatchObject({ state: "completed", fanOut: { total: 4, byState: { completed: 4 } } });
    expect(stateOf(progress, "sum")).toBe("completed");
    const first = place(progress, "each[0].double")!;
    expect(first.scheduledAt).toBeDefined();
    expect(first.startedAt).toBeDefined();
    expect(first.endedAt).toBeDefined();
    expect(place(progress, "each")!.endedAt).toBeDefined();
  });

  it("times an attempt from its result, and from activity_started in histories stored before results carried it", async () => {
    const oneStep = definition({ version: 1, start: "a", nodes: { a: { type: "activity", activity: "work" } } });
    const at = (second: number) => `2026-01-01T00:00:0${second}.000Z`;
    const start = { type: "execution_started", workflowName: "w", workflowVersion: 1, input: null, generation: 1, seq: 1, at: at(0) } as const;
    const scheduled = { type: "activity_scheduled", activityId: "a", node: "a", activity: "work", input: null, attempt: 1, seq: 2, at: at(1) } as const;
    const compact = [start, scheduled, { type: "activity_completed", activityId: "a", attempt: 1, output: 1, worker: "w1", startedAt: at(2), seq: 3, at: at(3) }] as const;
    const older = [start, scheduled, { type: "activity_started", activityId: "a", attempt: 1, worker: "w1", seq: 3, at: at(2) }, { type: "activity_completed", activityId: "a", attempt: 1, output: 1, seq: 4, at: at(3) }] as const;
    for (const history of [compact, older]) {
      const progress = await progressOf(oneStep, history);
      expect(place(progress, "a")).toMatchObject({ state: "completed", scheduledAt: at(1), startedAt: at(2), endedAt: at(3) });
      expect(place(progress, "a")!.attempts).toEqual([expect.objectContaining({ queuedAt: at(1), startedAt: at(2), endedAt: at(3), outcome: "completed" })]);
    }
  });

  it("shows nothing started before the first event, and every prefix replays without error", async () => {
    const sim = new Simulation(fanout, activities);
    sim.start(3);
    await sim.settle();
    expect(stateOf(await progressOf(fanout, []), "batch")).toBe("pending");
    const done: number[] = [];
    for (let cut = 1; cut <= sim.history.length; cut++) {
      const progress = await progressOf(fanout, sim.history.slice(0, cut));
      done.push(progress.nodes.get("double")?.counts.completed ?? 0);
    }
    // Completed iterations only ever grow as the prefix does.
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(3);
  });

  it("counts branches of a parallel node", async () => {
    const parallel = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "a", nodes: { a: { type: "activity", activity: "double", input: "1" } } },
            { start: "b", nodes: { b: { type: "wait", event: "go" } } },
          ],
        },
      },
    });
    const sim = new Simulation(parallel, activities);
    sim.start(null);
    await sim.settle();
    const progress = await progressOf(parallel, sim.history);
    expect(progress.nodes.get("both")).toMatchObject({ state: "running", fanOut: { total: 2, byState: { completed: 1, waiting: 1 } } });
    expect(stateOf(progress, "b")).toBe("waiting");
  });

  it("counts branches that wait or retry apart from those that run, through containers inside them", async () => {
    const mixed = definition({
      version: 1,
      start: "each",
      nodes: {
        each: {
          type: "map",
          items: "input",
          body: {
            start: "route",
            nodes: {
              route: { type: "decision", choices: [{ when: "item = 'flaky'", next: "flaky" }, { when: "item = 'slow'", next: "slow" }], default: "inner" },
              flaky: { type: "activity", activity: "flaky", retry: { maxAttempts: 3, firstInterval: 8 } },
              slow: { type: "activity", activity: "double", input: "1" },
              inner: { type: "group", body: { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: {} } } } },
            },
          },
        },
      },
    });
    const sim = new Simulation(mixed, { flaky: () => { throw new Error("down"); }, double: () => 2 });
    sim.start(["flaky", "slow", "wait", "wait"]);
    await sim.decide();
    // The flaky one fails its first attempt and backs off; the slow one is still running.
    await sim.runActivities(1);
    await sim.decide();
    const progress = await progressOf(mixed, sim.history);
    expect(progress.nodes.get("each")).toMatchObject({ state: "running", fanOut: { total: 4, byState: { retrying: 1, running: 1, waiting: 2 } } });
  });
});

describe("retries and failures", () => {
  const retrying = definition({
    version: 1,
    start: "flaky",
    nodes: {
      flaky: { type: "activity", activity: "flaky", retry: { maxAttempts: 3, firstInterval: 8 }, next: "after", onError: { next: "compensate" } },
      after: { type: "activity", activity: "ok" },
      compensate: { type: "activity", activity: "ok", next: "failed" },
      failed: { type: "fail" },
    },
  });

  it("says which attempt runs, how many there may be, when the next one starts and why the last failed", async () => {
    const sim = new Simulation(retrying, { flaky: (_input, attempt) => { throw new Error(`broke on attempt ${attempt}`); }, ok: () => "ok" });
    sim.start(null);
    await sim.decide();
    await sim.runActivities();
    await sim.decide();
    const progress = await progressOf(retrying, sim.history);
    expect(progress.nodes.get("flaky")).toMatchObject({
      state: "retrying",
      attempts: 2,
      retry: { attempt: 2, nextRetryAt: "2026-01-01T00:00:08.000Z", lastError: { message: "broke on attempt 1" } },
    });
    expect(place(progress, "flaky")).toMatchObject({ maxAttempts: 3 });
    expect(place(progress, "flaky")!.attempts.map((a) => [a.attempt, a.outcome])).toEqual([[1, "failed"], [2, "open"]]);
  });

  it("fails a step after its last attempt, runs the error path, and skips what was never reached", async () => {
    const sim = new Simulation(retrying, { flaky: () => { throw new Error("down"); }, ok: () => "ok" });
    sim.start(null);
    await sim.settle();
    const progress = await progressOf(retrying, sim.history);
    expect(progress.ending).toBe("failed");
    expect(progress.nodes.get("flaky")).toMatchObject({ state: "failed", attempts: 3, error: { message: "down", attempts: 3 } });
    expect(stateOf(progress, "compensate")).toBe("completed");
    expect(stateOf(progress, "failed")).toBe("failed");
    expect(stateOf(progress, "after")).toBe("skipped");
  });

  it("cancels what was under way when the instance is terminated", async () => {
    const sim = new Simulation(retrying, { flaky: () => "fine", ok: () => "ok" });
    sim.start(null);
    await sim.decide();
    sim.append({ type: "terminated", reason: "test" });
    const progress = await progressOf(retrying, sim.history);
    expect(progress.ending).toBe("terminated");
    expect(stateOf(progress, "flaky")).toBe("cancelled");
    expect(stateOf(progress, "after")).toBe("skipped");
  });
});

describe("waits and timers", () => {
  const approval = definition({
    version: 1,
    start: "pause",
    nodes: {
      pause: { type: "timer", duration: 30, next: "approval" },
      approval: { type: "wait", event: "approval_received", timeout: 86400, approval: { approvers: ["jane"] }, onTimeout: "late", next: "done" },
      done: { type: "end" },
      late: { type: "end", output: "'late'" },
    },
  });

  it("says what a step waits for, since when, and until when", async () => {
    const sim = new Simulation(approval, {});
    sim.start(null);
    await sim.settle();
    let progress = await progressOf(approval, sim.history);
    expect(progress.nodes.get("pause")).toMatchObject({ state: "waiting", waiting: { timer: "delay", since: "2026-01-01T00:00:00.000Z", until: "2026-01-01T00:00:30.000Z" } });
    sim.now = new Date("2026-01-01T00:00:30.000Z");
    sim.fireTimer("pause");
    await sim.settle();
    progress = await progressOf(approval, sim.history);
    expect(stateOf(progress, "pause")).toBe("completed");
    expect(progress.nodes.get("approval")).toMatchObject({
      state: "waiting",
      waiting: { event: "approval_received", since: "2026-01-01T00:00:30.000Z", until: "2026-01-02T00:00:30.000Z", approval: { approvers: ["jane"] } },
    });
    sim.raise("approval_received", { approver: "jane" }, "approval");
    await sim.settle();
    progress = await progressOf(approval, sim.history);
    expect(progress.nodes.get("approval")).toMatchObject({ state: "completed", output: { approver: "jane" } });
    expect(stateOf(progress, "late")).toBe("skipped");
  });
});

describe("generations", () => {
  const monitor = definition({
    version: 1,
    start: "setup",
    nodes: {
      setup: { type: "activity", activity: "echo", input: "'ready'", next: "watch" },
      watch: {
        type: "monitor",
        state: "0",
        body: { start: "check", nodes: { check: { type: "activity", activity: "echo", input: "state" } } },
        nextState: "state + 1",
        until: "state >= 2",
        interval: 60,
      },
    },
  });

  it("shows the monitor's check done when it continues as new, and earlier steps done in the next generation", async () => {
    const sim = new Simulation(monitor, { echo: (x: Json) => x });
    sim.start(null);
    await sim.settle();
    let progress = await progressOf(monitor, sim.history);
    expect(progress.nodes.get("watch")).toMatchObject({ state: "waiting", waiting: { timer: "monitor_interval", until: "2026-01-01T00:01:00.000Z" } });
    sim.fireTimer(sim.openTimers[0]!);
    await sim.settle();
    const next = sim.last();
    if (next.type !== "continued_as_new") throw new Error(`expected continue-as-new, got ${next.type}`);
    progress = await progressOf(monitor, sim.history);
    expect(progress.ending).toBe("continued_as_new");
    expect(stateOf(progress, "watch")).toBe("completed");

    const fresh = new Simulation(monitor, { echo: (x: Json) => x });
    fresh.append({ type: "execution_started", workflowName: "test", workflowVersion: 1, input: next.input, generation: 2, resume: next.resume });
    await fresh.settle();
    progress = await progressOf(monitor, fresh.history);
    expect(progress.generation).toBe(2);
    expect(place(progress, "setup")).toMatchObject({ state: "completed", earlierGeneration: true, output: "ready" });
    expect(stateOf(progress, "check")).toBe("completed");
  });
});
