import { describe, expect, it } from "vitest";
import type { Command } from "./commands.ts";
import type { WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";
import { childRetryTimerOf } from "./subworkflow-step.ts";
import { definition, Simulation } from "./test-simulation.ts";
import { replayDivergence } from "./test-replay.ts";
import { progressOf } from "./progress.ts";

type StartChild = Extract<Command, { type: "start_child" }>;

/** What the runtime records for a child: started as version 1, then ended as told. */
function childStarted(sim: Simulation, command: StartChild) {
  const childId = `${command.stepId}#${command.attempt}`;
  sim.append({ type: "child_started", stepId: command.stepId, attempt: command.attempt, childId, workflowVersion: 1 });
  return childId;
}
function childCompleted(sim: Simulation, command: StartChild, output: Json) {
  const childId = childStarted(sim, command);
  sim.append({ type: "child_completed", stepId: command.stepId, attempt: command.attempt, childId, output });
}
function childFailed(sim: Simulation, command: StartChild, error: WorkflowError) {
  const childId = childStarted(sim, command);
  sim.append({ type: "child_failed", stepId: command.stepId, attempt: command.attempt, childId, error });
}
const startsIn = (commands: Command[]) => commands.filter((c): c is StartChild => c.type === "start_child");

const billing = (step: Record<string, unknown> = {}) =>
  definition({
    version: 1,
    start: "charge",
    nodes: {
      charge: { type: "subworkflow", workflow: "billing", input: "{'amount': input.amount}", next: "done", ...step },
      done: { type: "end", output: "{'charged': steps.charge}" },
    },
  });

describe("a subworkflow step", () => {
  it("starts a child with its evaluated input and the latest version, and takes the child's output", async () => {
    const sim = new Simulation(billing(), {});
    sim.start({ amount: 5 });
    const [start] = startsIn(await sim.decide());
    expect(start).toEqual({ type: "start_child", stepId: "charge", node: "charge", workflow: "billing", version: "latest", input: { amount: 5 }, attempt: 1, terminateWithParent: true });
    expect(await sim.decide()).toEqual([]);
    childStarted(sim, start!);
    expect(await sim.decide()).toEqual([]);
    sim.append({ type: "child_completed", stepId: "charge", attempt: 1, childId: "charge#1", output: { receipt: "r1" } });
    await sim.decide();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: { charged: { receipt: "r1" } } });
    expect(await replayDivergence(sim.definition, sim.history)).toBeNull();
  });

  it("without waiting, completes once the child has started, with the child's id", async () => {
    const sim = new Simulation(billing({ wait: false, version: 3, onParentEnd: "continue" }), {});
    sim.start({ amount: 1 });
    const [start] = startsIn(await sim.decide());
    expect(start).toMatchObject({ version: 3, terminateWithParent: false });
    childStarted(sim, start!);
    await sim.decide();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: { charged: "charge#1" } });
  });

  it("retries a failed child with a new child after the backoff, then takes the error path", async () => {
    const sim = new Simulation(
      definition({
        version: 1,
        start: "charge",
        nodes: {
          charge: { type: "subworkflow", workflow: "billing", input: "input", retry: { maxAttempts: 2, firstInterval: 5 }, onError: { next: "refund" }, next: "done" },
          refund: { type: "end", output: "{'refunded': error}" },
          done: { type: "end" },
        },
      }),
      {},
    );
    sim.start(7);
    const [first] = startsIn(await sim.decide());
    childFailed(sim, first!, { name: "CardDeclined", message: "declined" });
    expect(await sim.decide()).toEqual([{ type: "start_timer", timerId: childRetryTimerOf("charge", 2), node: "charge", purpose: "child_retry", delaySeconds: 5 }]);
    expect(await sim.decide()).toEqual([]);
    sim.fireTimer(childRetryTimerOf("charge", 2));
    const [second] = startsIn(await sim.decide());
    expect(second).toMatchObject({ stepId: "charge", attempt: 2, input: 7 });
    // A late word about the first child changes nothing.
    sim.append({ type: "child_completed", stepId: "charge", attempt: 1, childId: "charge#1", output: "stale" });
    expect(await sim.decide()).toEqual([]);
    childFailed(sim, second!, { name: "CardDeclined", message: "declined again" });
    await sim.decide();
    expect(sim.last()).toMatchObject({
      type: "execution_completed",
      output: { refunded: { name: "CardDeclined", message: "declined again", node: "charge", attempts: 2 } },
    });
    expect(await replayDivergence(sim.definition, sim.history)).toBeNull();
  });

  it("does not retry a child that could not start, and fails a terminated child as ChildTerminated", async () => {
    const notFound = new Simulation(billing({ retry: { maxAttempts: 3 } }), {});
    notFound.start({});
    const [start] = startsIn(await notFound.decide());
    notFound.append({ type: "child_failed", stepId: "charge", attempt: 1, error: { name: "SubworkflowNotFound", message: "no billing", nonRetryable: true } });
    await notFound.decide();
    expect(notFound.last()).toMatchObject({ type: "execution_failed", error: { name: "SubworkflowNotFound", node: "charge", attempts: 1 } });
    expect(start).toBeDefined();

    const terminated = new Simulation(billing(), {});
    terminated.start({});
    const [child] = startsIn(await terminated.decide());
    const childId = childStarted(terminated, child!);
    terminated.append({ type: "child_terminated", stepId: "charge", attempt: 1, childId, reason: "stop" });
    await terminated.decide();
    expect(terminated.last()).toMatchObject({ type: "execution_failed", error: { name: "ChildTerminated", message: `the child instance "${childId}" was terminated: stop` } });
  });

  it("fans out over a map with its concurrency bound, one child per item", async () => {
    const sim = new Simulation(
      definition({
        version: 1,
        start: "fan",
        nodes: {
          fan: {
            type: "map",
            items: "input",
            maxConcurrency: 2,
            body: { start: "child", nodes: { child: { type: "subworkflow", workflow: "square", input: "item" } } },
          },
        },
      }),
      {},
    );
    sim.start([1, 2, 3]);
    let running = startsIn(await sim.decide());
    expect(running.map((c) => [c.stepId, c.input])).toEqual([["fan[0].child", 1], ["fan[1].child", 2]]);
    childCompleted(sim, running[0]!, 1);
    running = startsIn(await sim.decide());
    expect(running.map((c) => [c.stepId, c.input])).toEqual([["fan[2].child", 3]]);
    childCompleted(sim, startsIn(sim.decisions[0]!)[1]!, 4);
    childCompleted(sim, running[0]!, 9);
    await sim.decide();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: [1, 4, 9] });
    expect(await replayDivergence(sim.definition, sim.history)).toBeNull();
  });
});

describe("progress of a subworkflow step", () => {
  it("lists each attempt with the child it started, and the step's state", async () => {
    const sim = new Simulation(billing({ retry: { maxAttempts: 2, firstInterval: 0 } }), {});
    sim.start({ amount: 2 });
    const [first] = startsIn(await sim.decide());
    childFailed(sim, first!, { name: "CardDeclined", message: "declined" });
    await sim.decide();
    sim.fireTimer(childRetryTimerOf("charge", 2));
    const [second] = startsIn(await sim.decide());
    childStarted(sim, second!);
    const place = (await progressOf(sim.definition, sim.history)).places.find((p) => p.key === "charge")!;
    expect(place).toMatchObject({ kind: "subworkflow", state: "retrying", input: { amount: 2 }, maxAttempts: 2 });
    expect(place.attempts.map((a) => [a.attempt, a.childId, a.outcome])).toEqual([[1, "charge#1", "failed"], [2, "charge#2", "open"]]);
    // The second attempt waited out its backoff timer before its child was started.
    const timer = sim.ofType("timer_created")[0]!;
    expect(place.attempts[1]).toMatchObject({ queuedAt: timer.at, dueAt: timer.fireAt });
  });
});

describe("a subworkflow step that does not wait", () => {
  it("keeps the child's id as its output when the child ends later, and does not fail with it", async () => {
    for (const end of ["completed", "failed"] as const) {
      const sim = new Simulation(
        definition({
          version: 1,
          start: "spawn",
          nodes: {
            spawn: { type: "subworkflow", workflow: "billing", wait: false, onParentEnd: "continue", next: "after" },
            after: { type: "wait", event: "go", next: "done" },
            done: { type: "end", output: "steps.spawn" },
          },
        }),
        {},
      );
      sim.start(null);
      const [start] = startsIn(await sim.decide());
      const childId = childStarted(sim, start!);
      await sim.decide();
      if (end === "completed") sim.append({ type: "child_completed", stepId: "spawn", attempt: 1, childId, output: "child output" });
      else sim.append({ type: "child_failed", stepId: "spawn", attempt: 1, childId, error: { name: "Boom", message: "boom" } });
      sim.raise("go", null);
      await sim.decide();
      expect(sim.last()).toMatchObject({ type: "execution_completed", output: childId });
      expect(await replayDivergence(sim.definition, sim.history)).toBeNull();
    }
  });
});
