import { describe, expect, it } from "vitest";
import { indexHistory } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";
import { isWaiting } from "./open-waits.ts";
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
