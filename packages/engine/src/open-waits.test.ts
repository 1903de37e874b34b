import { describe, expect, it } from "vitest";
import { indexHistory } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";
import { HistoryIndex } from "./history-index.ts";
import { followWaitChanges, isWaiting, openWaitStarts, takeWaitChanges, type WaitStart } from "./open-waits.ts";
import { definition, Simulation } from "./test-simulation.ts";

/** An approval with a timeout beside a delay, then a wait with no timeout. */
const approvalThenEvent = definition({
  version: 1,
  start: "both",
  nodes: {
    both: {
      type: "parallel",
      branches: [
        { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: {}, timeout: 60 } } },
        { start: "sleep", nodes: { sleep: { type: "timer", duration: "30" } } },
      ],
      next: "shipped",
    },
    shipped: { type: "wait", event: "shipped", next: "done" },
    done: { type: "end", output: "'done'" },
  },
});

/** Whether the instance waits after the whole history. */
function waitingAfter(history: readonly HistoryEvent[]): boolean {
  return isWaiting(indexHistory(history));
}

describe("isWaiting", () => {
  it("follows waits and timers as they open and close, whatever turns the history was stored in", async () => {
    const sim = new Simulation(approvalThenEvent, {});
    sim.start(null);
    await sim.settle();
    expect(waitingAfter(sim.history)).toBe(true);

    sim.raise("approval_received", { decision: "approve" }, "approve");
    await sim.settle();
    // The delay still runs.
    expect(waitingAfter(sim.history)).toBe(true);

    sim.fireTimer("sleep");
    await sim.settle();
    // Now on the wait for shipped, which has no timer at all.
    expect(sim.ofType("event_wait_started").map((e) => e.waitId)).toContain("shipped");
    expect(waitingAfter(sim.history)).toBe(true);

    sim.raise("shipped", null);
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed" });
    expect(waitingAfter(sim.history)).toBe(false);
  });

  it("a wait that timed out no longer waits", async () => {
    const sim = new Simulation(approvalThenEvent, {});
    sim.start(null);
    await sim.settle();
    sim.fireTimer("sleep");
    await sim.settle();
    expect(waitingAfter(sim.history)).toBe(true);
    sim.fireTimer("approve:timeout");
    await sim.settle();
    // With no timeout path, the step fails and the instance with it.
    expect(sim.last()).toMatchObject({ type: "execution_failed" });
    expect(waitingAfter(sim.history)).toBe(false);
  });

  it("a timeout that leads on to work ends the wait", async () => {
    const escalate = definition({
      version: 1,
      start: "approve",
      nodes: {
        approve: { type: "wait", event: "approval_received", approval: {}, timeout: 60, onTimeout: "escalate" },
        escalate: { type: "activity", activity: "page_someone", input: "input" },
      },
    });
    const sim = new Simulation(escalate, { page_someone: () => null });
    sim.start(null);
    await sim.settle();
    expect(waitingAfter(sim.history)).toBe(true);
    sim.fireTimer("approve:timeout");
    await sim.decide();
    expect(sim.pending).toEqual(["escalate"]);
    expect(waitingAfter(sim.history)).toBe(false);
  });

  it("a timeout timer that fires after the answer changes nothing", async () => {
    const sim = new Simulation(approvalThenEvent, {});
    sim.start(null);
    await sim.settle();
    sim.raise("approval_received", { decision: "approve" }, "approve");
    sim.fireTimer("sleep");
    await sim.settle();
    sim.fireTimer("approve:timeout");
    await sim.settle();
    expect(sim.ofType("event_wait_started").map((e) => e.waitId)).toEqual(["approve", "shipped"]);
    expect(waitingAfter(sim.history)).toBe(true);
  });

  it("a decision addressed to a wait answers it before the wait takes it", async () => {
    const approval = definition({
      version: 1,
      start: "approve",
      nodes: { approve: { type: "wait", event: "approval_received", approval: {}, next: "done" }, done: { type: "end" } },
    });
    const sim = new Simulation(approval, {});
    sim.start(null);
    await sim.settle();
    sim.append({ type: "suspended" });
    // Another wait's decision, and the approval's event raised by name, answer nothing here.
    sim.raise("approval_received", { decision: "approved" }, "elsewhere");
    sim.raise("approval_received", { decision: "approved" });
    expect(waitingAfter(sim.history)).toBe(true);
    // Suspended, the instance takes no step: its decision stays in history until it resumes.
    sim.raise("approval_received", { decision: "approved" }, "approve");
    await sim.settle();
    expect(sim.ofType("event_consumed")).toEqual([]);
    expect(waitingAfter(sim.history)).toBe(false);
  });

  it("a decision for an approval whose branch was given up answers it, though nothing takes it", async () => {
    const givenUp = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "approve", nodes: { approve: { type: "wait", event: "approval_received", approval: {} } } },
            { start: "check", nodes: { check: { type: "activity", activity: "refuse" } } },
          ],
          onError: { next: "hold" },
        },
        hold: { type: "wait", event: "release" },
      },
    });
    const sim = new Simulation(givenUp, {
      refuse: () => {
        throw new Error("no");
      },
    });
    sim.start(null);
    await sim.settle();
    expect(sim.ofType("event_wait_started").map((e) => e.waitId)).toEqual(["approve", "hold"]);
    sim.raise("approval_received", { decision: "approved" }, "approve");
    await sim.settle();
    expect(sim.ofType("event_consumed")).toEqual([]);
    expect([...indexHistory(sim.history).openWaits]).toEqual(["hold"]);
  });

  it("a running instance with only activities in flight does not wait", async () => {
    const chain = definition({ version: 1, start: "work", nodes: { work: { type: "activity", activity: "slow", input: "input" } } });
    const sim = new Simulation(chain, { slow: (x) => x });
    sim.start(1);
    await sim.decide();
    expect(sim.pending).toEqual(["work"]);
    expect(waitingAfter(sim.history)).toBe(false);
  });
});

describe("wait changes", () => {
  const idOf = (start: WaitStart) => (start.type === "event_wait_started" ? start.waitId : start.timerId);

  /** Folds history turn by turn, as a worker does, applying each turn's changes to a copy kept aside. */
  function follower(sim: Simulation) {
    const index = new HistoryIndex();
    const kept = new Map<string, WaitStart>();
    return {
      kept,
      turn() {
        followWaitChanges(index.facts);
        index.append(sim.history.slice(index.events.length));
        const { opened, closed } = takeWaitChanges(index.facts);
        for (const id of closed) kept.delete(id);
        for (const start of opened) kept.set(idOf(start), start);
        return { opened: opened.map(idOf), closed };
      },
    };
  }

  it("applied turn by turn, keep exactly what the instance waits on", async () => {
    const sim = new Simulation(approvalThenEvent, {});
    const waits = follower(sim);
    const expectKept = () => expect([...waits.kept.keys()].sort()).toEqual(openWaitStarts(indexHistory(sim.history)).map(idOf).sort());
    sim.start(null);
    await sim.settle();
    expect(waits.turn()).toEqual({ opened: ["approve", "sleep"], closed: [] });
    expect(waits.kept.get("approve")).toMatchObject({ type: "event_wait_started", event: "approval_received", approval: {}, timeoutAt: expect.any(String) });
    expect(waits.kept.get("sleep")).toMatchObject({ type: "timer_created", purpose: "delay" });

    sim.raise("approval_received", { decision: "approve" }, "approve");
    expect(waits.turn()).toEqual({ opened: [], closed: ["approve"] });
    await sim.settle();
    expect(waits.turn()).toEqual({ opened: [], closed: [] });
    expectKept();

    // A timer that fires and a wait that begins in one turn.
    sim.fireTimer("sleep");
    await sim.settle();
    expect(waits.turn()).toEqual({ opened: ["shipped"], closed: ["sleep"] });
    expectKept();

    sim.raise("shipped", null);
    await sim.settle();
    expect(waits.turn()).toEqual({ opened: [], closed: ["shipped"] });
    expect(waits.kept.size).toBe(0);
    expectKept();
  });

  it("a wait that opens and closes within one turn is only closed, and a timeout closes its wait", async () => {
    const sim = new Simulation(approvalThenEvent, {});
    const waits = follower(sim);
    sim.start(null);
    sim.raise("shipped", null);
    await sim.settle();
    waits.turn();
    sim.fireTimer("sleep");
    sim.raise("approval_received", { decision: "approve" }, "approve");
    await sim.settle();
    // "shipped" began and took the event raised before it within the turn.
    expect(waits.turn()).toEqual({ opened: [], closed: ["sleep", "approve", "shipped"] });

    const onTimeout = definition({
      version: 1,
      start: "approve",
      nodes: {
        approve: { type: "wait", event: "approval_received", approval: {}, timeout: 60, onTimeout: "remind" },
        remind: { type: "timer", duration: 60 },
      },
    });
    const timedOut = new Simulation(onTimeout, {});
    const timeouts = follower(timedOut);
    timedOut.start(null);
    await timedOut.settle();
    expect(timeouts.turn()).toEqual({ opened: ["approve"], closed: [] });
    timedOut.fireTimer("approve:timeout");
    await timedOut.settle();
    expect(timeouts.turn()).toEqual({ opened: ["remind"], closed: ["approve"] });
  });
});
