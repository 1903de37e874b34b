import { describe, expect, it } from "vitest";
import type { HistoryEvent, HistoryEventBody } from "@flowcraft/engine";
import { operatorMarkOf, operatorMarksOf, plainWords } from "./operator-marks.ts";

const AT = "2026-01-01T10:00:00.000Z";
const event = (body: HistoryEventBody, seq = 7) => ({ ...body, seq, at: AT }) as HistoryEvent;
const started = { type: "execution_started", workflowName: "w", workflowVersion: 1, input: null, generation: 1 } as const;

describe("operator marks", () => {
  it.each([
    [{ type: "terminated", by: "mia", reason: "wrong supplier" }, "terminated", "terminated by mia: wrong supplier"],
    [{ type: "terminated" }, "terminated", "terminated"],
    [{ type: "suspended", by: "ops" }, "suspended", "suspended by ops"],
    [{ type: "resumed", by: "ops", reason: "fixed" }, "resumed", "resumed by ops: fixed"],
    [{ type: "event_raised", eventId: "e", name: "approval_received", payload: { ok: true }, raisedBy: "api" }, "event", "event approval_received raised by api"],
    [{ type: "event_raised", eventId: "e", name: "ping", payload: null }, "event", "event ping raised"],
    [
      { type: "event_raised", eventId: "e", name: "approval_received", waitId: "w1", raisedBy: "web", payload: { decision: "approved", approver: "Jane Doe", comment: "fine by me", decidedAt: AT } },
      "approval",
      "approved by Jane Doe: fine by me",
    ],
    [{ type: "event_raised", eventId: "e", name: "approval_received", waitId: "w1", raisedBy: "web", payload: { decision: "rejected", approver: null, comment: null } }, "approval", "rejected by web"],
    [{ type: "rerun_requested", rerunInstanceId: "po-2", kind: "from_start", workflowVersion: 1, by: "olga" }, "rerun", "re-run from the start by olga as instance po-2"],
    [{ type: "rerun_requested", rerunInstanceId: "po-3", kind: "retry_failed", workflowVersion: 1 }, "rerun", "retried from the failed step as instance po-3"],
    [{ type: "rerun_requested", rerunInstanceId: "po-4", kind: "on_version", workflowVersion: 3, by: "olga" }, "rerun", "re-run on version 3 by olga as instance po-4"],
    [{ ...started, origin: { instanceId: "po-1", kind: "retry_failed", by: "olga" } }, "origin", "started by olga as a retry of instance po-1"],
    [{ ...started, origin: { instanceId: "po-1", kind: "on_version" } }, "origin", "started as a re-run on another version of instance po-1"],
  ] as Array<[HistoryEventBody, string, string]>)("%o: %s, \"%s\"", (body, action, words) => {
    const mark = operatorMarkOf(event(body))!;
    expect(mark.action).toBe(action);
    expect(plainWords(mark.parts)).toBe(words);
    expect(mark.at).toBe(Date.parse(AT));
  });

  it("links a re-run and an origin to the other instance", () => {
    expect(operatorMarkOf(event({ type: "rerun_requested", rerunInstanceId: "po-2", kind: "from_start", workflowVersion: 1, by: "olga" }))!.parts).toEqual([
      "re-run from the start by olga as ",
      { instanceId: "po-2" },
    ]);
  });

  it("leaves out the workflow's own progress", () => {
    const history = [
      event(started, 1),
      event({ type: "activity_scheduled", activityId: "a", node: "a", activity: "x", input: null, attempt: 1 }, 2),
      event({ type: "terminated", by: "mia" }, 3),
    ];
    expect(operatorMarksOf(history).map((mark) => mark.seq)).toEqual([3]);
  });
});
