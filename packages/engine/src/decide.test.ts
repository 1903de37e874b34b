import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import { definition, Simulation } from "./test-simulation.ts";
import type { Json } from "./json.ts";

const num = (x: Json) => {
  if (typeof x !== "number") throw new Error(`expected a number, got ${JSON.stringify(x)}`);
  return x;
};

const chain = definition({
  version: 1,
  start: "work",
  nodes: {
    work: {
      type: "group",
      body: {
        start: "step1",
        nodes: {
          step1: { type: "activity", activity: "add_one", input: "input", next: "step2" },
          step2: { type: "activity", activity: "double", input: "steps.step1", next: "step3" },
          step3: { type: "activity", activity: "square", input: "steps.step2", next: "done" },
          done: { type: "end", output: "[steps.step1, steps.step2, steps.step3]" },
        },
      },
      onError: { next: "compensate" },
    },
    compensate: { type: "activity", activity: "report", input: "error.message", next: "failed" },
    failed: { type: "fail" },
  },
});

const chainActivities = {
  add_one: (x: Json) => num(x) + 1,
  double: (x: Json) => num(x) * 2,
  square: (x: Json) => num(x) ** 2,
  report: () => "reported",
};

describe("chain", () => {
  it("passes each output to the next step and completes with all three", async () => {
    const sim = new Simulation(chain, chainActivities);
    sim.start(1);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: [2, 4, 16] });
  });

  it("runs the error path, then fails the instance with the step's error", async () => {
    const sim = new Simulation(chain, chainActivities);
    sim.start("abc");
    await sim.settle();
    expect(sim.ofType("activity_scheduled").map((e) => e.activity)).toEqual(["add_one", "report"]);
    expect(sim.last()).toMatchObject({
      type: "execution_failed",
      error: { name: "ActivityFailed", message: 'expected a number, got "abc"', node: "step1" },
    });
  });

  it("replays: every prefix of a recorded history yields the commands that were recorded after it", async () => {
    const sim = new Simulation(chain, chainActivities);
    sim.start(1);
    await sim.settle();
    for (let cut = 1; cut <= sim.history.length; cut++) {
      const prefix = sim.history.slice(0, cut);
      const again = await decide(chain, prefix, sim.now);
      const recorded = sim.history.slice(cut, cut + again.events.length);
      if (again.events.length > 0) expect(again.events).toEqual(recorded);
    }
    expect((await decide(chain, sim.history, sim.now)).commands).toEqual([]);
  });
});

describe("activity retries", () => {
  const retrying = definition({
    version: 1,
    start: "flaky",
    nodes: {
      flaky: {
        type: "activity",
        activity: "flaky",
        retry: { maxAttempts: 4, firstInterval: 2, backoffCoefficient: 3, maxInterval: 10 },
      },
    },
  });

  it("retries with exponential backoff capped at maxInterval, then succeeds", async () => {
    const sim = new Simulation(retrying, {
      flaky: (_input, attempt) => {
        if (attempt < 4) throw new Error(`attempt ${attempt} broke`);
        return "ok";
      },
    });
    sim.start(null);
    await sim.settle();
    expect(sim.ofType("activity_retrying").map((e) => [e.attempt, e.delaySeconds])).toEqual([
      [2, 2],
      [3, 6],
      [4, 10],
    ]);
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "ok" });
  });

  it("fails with the last error and the attempt count when attempts run out", async () => {
    const sim = new Simulation(retrying, {
      flaky: (_input, attempt) => {
        throw new Error(`attempt ${attempt} broke`);
      },
    });
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({
      type: "execution_failed",
      error: { message: "attempt 4 broke", attempts: 4, node: "flaky" },
    });
  });

  it("fails at once, whatever attempts are left, when the activity says retrying cannot help", async () => {
    const sim = new Simulation(retrying, {});
    sim.start(null);
    await sim.decide();
    sim.append({ type: "activity_failed", activityId: "flaky", attempt: 1, error: { name: "HttpRefused", message: "refused", nonRetryable: true }, worker: "test" });
    expect(await sim.decide()).toEqual([{ type: "fail", error: { name: "HttpRefused", message: "refused", nonRetryable: true, node: "flaky", attempts: 1 } }]);
  });
});

describe("fan-out / fan-in", () => {
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
  const activities = {
    batch: (n: Json) => Array.from({ length: num(n) }, (_, i) => i + 1),
    double: (x: Json) => num(x) * 2,
  };

  it("never runs more than maxConcurrency bodies at once and joins outputs in order", async () => {
    const sim = new Simulation(fanout, activities);
    sim.start(10);
    await sim.decide();
    await sim.runActivities();
    let most = 0;
    while (sim.pending.length > 0 || sim.last().type !== "execution_completed") {
      await sim.decide();
      most = Math.max(most, sim.pending.length);
      if (sim.pending.length === 0) break;
      await sim.runActivities(1);
    }
    expect(most).toBe(3);
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: 110 });
    const ids = sim.ofType("activity_scheduled").map((e) => e.activityId);
    expect(ids.slice(1, 4)).toEqual(["each[0].double", "each[1].double", "each[2].double"]);
  });

  it("an empty list completes at once with an empty output", async () => {
    const sim = new Simulation(fanout, activities);
    sim.start(0);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: 0 });
  });

  it("static parallel branches yield their outputs in branch order", async () => {
    const parallel = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "a", nodes: { a: { type: "activity", activity: "double", input: "input" } } },
            { start: "b", nodes: { b: { type: "activity", activity: "double", input: "input + 1" } } },
          ],
        },
      },
    });
    const sim = new Simulation(parallel, activities);
    sim.start(5);
    await sim.decide();
    expect(sim.pending).toEqual(["a", "b"]);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: [10, 12] });
  });

  it("the branch that failed first in history decides the error path, however late the others fail", async () => {
    const racing = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "a", nodes: { a: { type: "activity", activity: "a" } } },
            { start: "b", nodes: { b: { type: "activity", activity: "b" } } },
          ],
          onError: { next: "which" },
        },
        which: { type: "decision", choices: [{ when: "error.node = 'a'", next: "compA" }], default: "compB" },
        compA: { type: "activity", activity: "comp", input: "'A'" },
        compB: { type: "activity", activity: "comp", input: "'B'" },
      },
    });
    const sim = new Simulation(racing, {});
    sim.start(null);
    await sim.decide();
    const failed = (activityId: string) =>
      sim.append({ type: "activity_failed", activityId, attempt: 1, error: { name: "ActivityFailed", message: `${activityId} broke` } });
    failed("b");
    await sim.decide();
    failed("a");
    await sim.decide();
    expect(sim.ofType("activity_scheduled").map((e) => e.activityId)).toEqual(["a", "b", "compB"]);
    expect((await decide(racing, sim.history, sim.now)).commands).toEqual([]);
  });

  it("a failing branch fails the fan-out and its error path runs", async () => {
    const failing = definition({
      version: 1,
      start: "each",
      nodes: {
        each: {
          type: "map",
          items: "input",
          body: { start: "double", nodes: { double: { type: "activity", activity: "double", input: "item" } } },
          onError: { next: "handled" },
        },
        handled: { type: "end", output: "'caught: ' & error.message" },
      },
    });
    const sim = new Simulation(failing, activities);
    sim.start([1, "x", 3]);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: 'caught: expected a number, got "x"' });
  });
});

describe("wait for event", () => {
  const approval = definition({
    version: 1,
    start: "check",
    nodes: {
      check: { type: "decision", choices: [{ when: "input.cost < 1000", next: "auto" }], default: "approval" },
      auto: { type: "end", output: "'Auto-approved'" },
      approval: {
        type: "wait",
        event: "approval_received",
        timeout: "input.timeout ? input.timeout : 86400",
        onTimeout: "cancelled",
        approval: { approvers: ["jane"], summary: "input.product" },
        next: "approved",
      },
      approved: { type: "end", output: "\"Approved by '\" & steps.approval.approver & \"'\"" },
      cancelled: { type: "end", output: "'Cancelled'" },
    },
  });

  it("takes the event payload as the step output", async () => {
    const sim = new Simulation(approval, {});
    sim.start({ cost: 5000, product: "paper", timeout: 60 });
    await sim.settle();
    expect(sim.ofType("event_wait_started")[0]).toMatchObject({ event: "approval_received", approval: { summary: "paper", approvers: ["jane"] }, timeoutAt: "2026-01-01T00:01:00.000Z" });
    sim.raise("approval_received", { approver: "Jane Doe" }, "approval");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "Approved by 'Jane Doe'" });
  });

  it("keeps an event raised before the wait and delivers it", async () => {
    const shipping = definition({
      version: 1,
      start: "shipped",
      nodes: { shipped: { type: "wait", event: "shipped", next: "done" }, done: { type: "end", output: "'Shipped by ' & steps.shipped.carrier" } },
    });
    const sim = new Simulation(shipping, {});
    sim.raise("shipped", { carrier: "Early Bird" });
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "Shipped by Early Bird" });
  });

  it("runs the timeout path when the timer fires first, and ignores later events", async () => {
    const sim = new Simulation(approval, {});
    sim.start({ cost: 5000 });
    await sim.settle();
    expect(sim.openTimers).toEqual(["approval:timeout"]);
    sim.fireTimer("approval:timeout");
    sim.raise("approval_received", { approver: "Too Late" });
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "Cancelled" });
  });

  describe("decisions addressed to one wait", () => {
    const approvalWait = (next?: string) => ({ type: "wait", event: "approval_received", approval: {}, ...(next ? { next } : {}) });
    const twoInParallel = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "legal", nodes: { legal: approvalWait() } },
            { start: "finance", nodes: { finance: approvalWait() } },
          ],
        },
      },
    });

    it("each parallel approval takes only its own decision", async () => {
      const sim = new Simulation(twoInParallel, {});
      sim.start(null);
      await sim.settle();
      sim.raise("approval_received", { decision: "approved", approver: "fin" }, "finance");
      await sim.settle();
      expect(sim.ofType("event_consumed").map((e) => e.waitId)).toEqual(["finance"]);
      expect(sim.last().type).not.toBe("execution_completed");
      sim.raise("approval_received", { decision: "rejected", approver: "law" }, "legal");
      await sim.settle();
      expect(sim.last()).toMatchObject({
        type: "execution_completed",
        output: [{ decision: "rejected", approver: "law" }, { decision: "approved", approver: "fin" }],
      });
    });

    it("a decision for a later approval in sequence waits for it instead of deciding the current one", async () => {
      const sequence = definition({
        version: 1,
        start: "first",
        nodes: { first: approvalWait("second"), second: approvalWait("done"), done: { type: "end", output: "[steps.first.approver, steps.second.approver]" } },
      });
      const sim = new Simulation(sequence, {});
      sim.start(null);
      await sim.settle();
      sim.raise("approval_received", { approver: "second-approver" }, "second");
      await sim.settle();
      expect(sim.ofType("event_consumed")).toEqual([]);
      sim.raise("approval_received", { approver: "first-approver" }, "first");
      await sim.settle();
      expect(sim.last()).toMatchObject({ type: "execution_completed", output: ["first-approver", "second-approver"] });
    });
  });

  it("a timeout without a timeout path is a Timeout error", async () => {
    const strict = definition({
      version: 1,
      start: "w",
      nodes: { w: { type: "wait", event: "go", timeout: 5 } },
    });
    const sim = new Simulation(strict, {});
    sim.start(null);
    await sim.settle();
    sim.fireTimer("w:timeout");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_failed", error: { name: "Timeout", node: "w" } });
  });

  it("two waits for the same event in parallel branches each take their own event", async () => {
    const twice = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "first", nodes: { first: { type: "wait", event: "ok" } } },
            { start: "second", nodes: { second: { type: "wait", event: "ok" } } },
          ],
        },
      },
    });
    const sim = new Simulation(twice, {});
    sim.start(null);
    await sim.settle();
    sim.raise("ok", 1);
    await sim.settle();
    expect(sim.ofType("execution_completed")).toHaveLength(0);
    sim.raise("ok", 2);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: [1, 2] });
    expect(sim.ofType("event_consumed").map((e) => e.raisedSeq)).toHaveLength(2);
  });
});

describe("timer, decision, custom status and expressions", () => {
  it("a timer waits for its duration, computed from an expression", async () => {
    const timer = definition({
      version: 1,
      start: "sleep",
      nodes: { sleep: { type: "timer", duration: "input.seconds * 2", next: "done" }, done: { type: "end", output: "'woke'" } },
    });
    const sim = new Simulation(timer, {});
    sim.start({ seconds: 30 });
    await sim.settle();
    expect(sim.ofType("timer_created")[0]).toMatchObject({ timerId: "sleep", purpose: "delay", fireAt: "2026-01-01T00:01:00.000Z" });
    expect(sim.ofType("execution_completed")).toHaveLength(0);
    sim.fireTimer("sleep");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "woke" });
  });

  it.each([
    [5, "small"],
    [50, "large"],
    [500, "huge"],
  ])("a decision routes %s to %s", async (value, expected) => {
    const decision = definition({
      version: 1,
      start: "route",
      nodes: {
        route: {
          type: "decision",
          choices: [
            { when: "input < 10", next: "small" },
            { when: "input < 100", next: "large" },
          ],
          default: "huge",
        },
        small: { type: "end", output: "'small'" },
        large: { type: "end", output: "'large'" },
        huge: { type: "end", output: "'huge'" },
      },
    });
    const sim = new Simulation(decision, {});
    sim.start(value);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: expected });
  });

  it("a decision with no true choice and no default fails", async () => {
    const decision = definition({
      version: 1,
      start: "route",
      nodes: { route: { type: "decision", choices: [{ when: "false", next: "x" }] }, x: { type: "end" } },
    });
    const sim = new Simulation(decision, {});
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_failed", error: { name: "NoChoiceMatched", node: "route" } });
  });

  it("custom status follows the steps", async () => {
    const progress = definition({
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "echo", input: "1", customStatus: "{'done': steps.a}", next: "b" },
        b: { type: "activity", activity: "echo", input: "2", customStatus: "{'done': steps.b}" },
      },
    });
    const sim = new Simulation(progress, { echo: (x) => x });
    sim.start(null);
    await sim.settle();
    expect(sim.ofType("custom_status_set").map((e) => e.value)).toEqual([{ done: 1 }, { done: 2 }]);
  });

  it("a custom status that cannot be computed fails its node, and the node's error path runs", async () => {
    const progress = definition({
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "echo", input: "1", customStatus: "steps.a + 'x'", onError: { next: "handled" } },
        handled: { type: "end", output: "error.name" },
      },
    });
    const sim = new Simulation(progress, { echo: (x) => x });
    sim.start(null);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "ExpressionError" });
  });

  it("an expression that cannot be evaluated fails its step with ExpressionError", async () => {
    const broken = definition({
      version: 1,
      start: "a",
      nodes: { a: { type: "activity", activity: "echo", input: "input + 1" } },
    });
    const sim = new Simulation(broken, { echo: (x) => x });
    sim.start("text");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_failed", error: { name: "ExpressionError", node: "a" } });
  });

  it("suspended instances decide nothing until resumed; ended ones never again", async () => {
    const one = definition({ version: 1, start: "a", nodes: { a: { type: "activity", activity: "echo", input: "1" } } });
    const sim = new Simulation(one, { echo: (x) => x });
    sim.start(null);
    sim.append({ type: "suspended" });
    expect(await sim.decide()).toEqual([]);
    sim.append({ type: "resumed" });
    expect((await sim.decide()).map((c) => c.type)).toEqual(["schedule_activity"]);
    sim.append({ type: "terminated" });
    await sim.runActivities();
    expect(await sim.decide()).toEqual([]);
  });
});

describe("monitor", () => {
  const monitor = definition({
    version: 1,
    start: "setup",
    nodes: {
      setup: { type: "activity", activity: "echo", input: "'ready'", next: "watch" },
      watch: {
        type: "monitor",
        state: "{'healthy': true, 'checks': 0}",
        body: {
          start: "check",
          nodes: {
            check: { type: "activity", activity: "status", input: "state.checks", next: "turned" },
            turned: {
              type: "decision",
              choices: [{ when: "steps.check = 'unhealthy' and state.healthy", next: "alert" }],
              default: "quiet",
            },
            alert: { type: "activity", activity: "echo", input: "'alert ' & steps.setup" },
            quiet: { type: "end" },
          },
        },
        nextState: "{'healthy': steps.check = 'healthy', 'checks': state.checks + 1}",
        until: "state.checks >= input.maxChecks",
        interval: "steps.check = 'healthy' ? 60 : 5",
      },
    },
  });

  it("continues as new after each check, alerts once, and stops at the condition", async () => {
    const statuses = ["healthy", "unhealthy", "unhealthy", "healthy"];
    const alerts: Json[] = [];
    const activities = {
      echo: (x: Json) => {
        if (typeof x === "string" && x.startsWith("alert")) alerts.push(x);
        return x;
      },
      status: (n: Json) => statuses[num(n)]!,
    };
    let sim = new Simulation(monitor, activities);
    sim.start({ maxChecks: 4 });
    const generations: number[] = [];
    for (let guard = 0; guard < 10; guard++) {
      await sim.settle();
      const last = sim.last();
      if (last.type === "execution_completed") break;
      const timer = sim.openTimers[0]!;
      generations.push(sim.ofType("timer_created").at(-1)!.fireAt === "2026-01-01T00:01:00.000Z" ? 60 : 5);
      sim.fireTimer(timer);
      await sim.settle();
      const next = sim.last();
      expect(next.type).toBe("continued_as_new");
      if (next.type !== "continued_as_new") return;
      const fresh = new Simulation(monitor, activities);
      fresh.append({ type: "execution_started", workflowName: "test", workflowVersion: 1, input: next.input, generation: guard + 2, resume: next.resume });
      sim = fresh;
    }
    expect(generations).toEqual([60, 5, 5]);
    expect(alerts).toEqual(["alert ready"]);
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: { healthy: true, checks: 4 } });
    expect(sim.history.length).toBeLessThan(12);
  });
});
