import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import type { HistoryEvent } from "./history.ts";
import { definition, Simulation } from "./test-simulation.ts";

/** A plain wait for "go", then an approval waiting for "decided". */
const goThenApproval = definition({
  version: 1,
  start: "go",
  nodes: {
    go: { type: "wait", event: "go", next: "review" },
    review: { type: "wait", event: "decided", approval: { approvers: ["jane"] }, next: "done" },
    done: { type: "end", output: "steps.review.approver" },
  },
});

const decision = (approver: string) => ({ decision: "approved", approver, comment: null, decidedAt: "2026-01-01T00:00:00.000Z" });

describe("an approval wait", () => {
  it("takes no event raised by name before it waits, only the decision addressed to it", async () => {
    const sim = new Simulation(goThenApproval, {});
    sim.start(null);
    await sim.settle();
    sim.raise("decided", decision("mallory"));
    sim.raise("go", null);
    await sim.settle();
    expect(sim.ofType("event_consumed").map((e) => e.waitId)).toEqual(["go"]);
    expect(sim.last().type).not.toBe("execution_completed");

    sim.raise("decided", decision("jane"), "review");
    await sim.settle();
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: "jane" });
  });

  it("takes no event raised by name while it waits", async () => {
    const sim = new Simulation(goThenApproval, {});
    sim.start(null);
    sim.raise("go", null);
    await sim.settle();
    sim.raise("decided", decision("mallory"));
    await sim.settle();
    expect(sim.ofType("event_consumed").map((e) => e.waitId)).toEqual(["go"]);
    expect(sim.last().type).not.toBe("execution_completed");
  });

  it("leaves an event raised by name to a plain wait of the same name", async () => {
    const both = definition({
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "review", nodes: { review: { type: "wait", event: "decided", approval: {} } } },
            { start: "note", nodes: { note: { type: "wait", event: "decided" } } },
          ],
        },
      },
    });
    const sim = new Simulation(both, {});
    sim.start(null);
    await sim.settle();
    sim.raise("decided", { from: "a system" });
    await sim.settle();
    expect(sim.ofType("event_consumed").map((e) => e.waitId)).toEqual(["note"]);
  });
});

describe("replay of histories stored before approval waits took only decisions addressed to them", () => {
  const at = "2026-01-01T00:00:00.000Z";
  /** Recorded then: "decided" raised by name before the approval waited, and consumed by it. */
  const recorded: HistoryEvent[] = [
    { type: "execution_started", workflowName: "test", workflowVersion: 1, input: null, generation: 1, seq: 1, at },
    { type: "event_wait_started", waitId: "go", node: "go", event: "go", seq: 2, at },
    { type: "event_raised", eventId: "e1", name: "decided", payload: decision("early bird"), raisedBy: "token:ops", seq: 3, at },
    { type: "event_raised", eventId: "e2", name: "go", payload: null, seq: 4, at },
    { type: "event_consumed", waitId: "go", node: "go", name: "go", raisedSeq: 4, seq: 5, at },
    { type: "event_wait_started", waitId: "review", node: "review", event: "decided", approval: { summary: null, approvers: ["jane"] }, seq: 6, at },
    { type: "event_consumed", waitId: "review", node: "review", name: "decided", raisedSeq: 3, seq: 7, at },
  ];

  it("keeps the consumption recorded, and ends as it would have", async () => {
    const next = await decide(goThenApproval, recorded, new Date(at));
    expect(next.commands).toEqual([{ type: "complete", output: "early bird" }]);
  });
});
