import { describe, expect, it } from "vitest";
import type { HistoryEventBody } from "@flowcraft/engine";
import { filterHistory, typesIn } from "./history-filter.ts";
import type { FeedEvent } from "./instance-feed.ts";

const history: FeedEvent[] = (
  [
    { type: "execution_started", workflowName: "po", workflowVersion: 1, input: null, generation: 1 },
    { type: "event_wait_started", waitId: "each[0].approve", node: "approve", event: "approval_received" },
    { type: "event_wait_started", waitId: "shipped", node: "shipped", event: "shipped" },
    { type: "event_raised", eventId: "a", name: "approval_received", payload: { decision: "approve", approver: "jane" }, waitId: "each[0].approve" },
    { type: "event_consumed", waitId: "each[0].approve", node: "approve", name: "approval_received", raisedSeq: 4 },
    { type: "event_raised", eventId: "b", name: "shipped", payload: null },
    { type: "event_consumed", waitId: "shipped", node: "shipped", name: "shipped", raisedSeq: 6 },
    { type: "event_raised", eventId: "c", name: "stray", payload: null },
  ] as HistoryEventBody[]
).map((body, i) => ({ ...body, seq: i + 1, at: "2026-01-01T00:00:00.000Z", generation: 1 }) as FeedEvent);

const seqs = (events: readonly FeedEvent[]) => events.map((event) => event.seq);

describe("filterHistory", () => {
  it("keeps a step's decision: the raise addressed to its wait, or the one its wait took", () => {
    expect(seqs(filterHistory(history, "", "approve"))).toEqual([2, 4, 5]);
    expect(seqs(filterHistory(history, "", "shipped"))).toEqual([3, 6, 7]);
    expect(seqs(filterHistory(history, "event_raised", "approve"))).toEqual([4]);
  });

  it("keeps everything with no filter, and a raise no wait took under its type only", () => {
    expect(filterHistory(history, "", "")).toBe(history);
    expect(seqs(filterHistory(history, "event_raised", ""))).toEqual([4, 6, 8]);
  });
});

describe("typesIn", () => {
  it("lists only the types the history holds, in the order history types are defined, with how many of each", () => {
    expect(typesIn(history)).toEqual([
      ["execution_started", 1],
      ["event_wait_started", 2],
      ["event_raised", 3],
      ["event_consumed", 2],
    ]);
  });
});
