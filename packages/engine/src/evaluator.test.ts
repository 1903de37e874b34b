import { describe, expect, it } from "vitest";
import { definition } from "./test-simulation.ts";
import { decide } from "./decide.ts";
import { evaluate, type Evaluator } from "./expression.ts";
import type { HistoryEvent } from "./history.ts";

const started: HistoryEvent = { type: "execution_started", workflowName: "w", workflowVersion: 1, input: 1, generation: 1, seq: 1, at: "2026-01-01T00:00:00.000Z" } as HistoryEvent;
const now = new Date("2026-01-01T00:00:01.000Z");
const completedA = [
  { type: "activity_scheduled", activityId: "a", node: "a", activity: "echo", input: 1, attempt: 1, seq: 2, at: now.toISOString() },
  { type: "activity_completed", activityId: "a", attempt: 1, output: 1, seq: 3, at: now.toISOString() },
] as HistoryEvent[];

/** Evaluates in place, except that expressions calling `$string` find the evaluator itself broken. */
const breaksOnString: Evaluator = (expression, context) => (expression.includes("$string") ? Promise.reject(new Error("the sandbox is unavailable")) : evaluate(expression, context));

describe("an evaluator that fails for its own reasons", () => {
  it.each([
    ["an activity's input", { a: { type: "activity", activity: "echo", input: "$string(input)", onError: { next: "b" } }, b: { type: "end" } }],
    ["a custom status", { a: { type: "activity", activity: "echo", input: "input", customStatus: "$string(steps.a)", onError: { next: "b" } }, b: { type: "end" } }],
    ["a decision", { a: { type: "decision", choices: [{ when: "$string(input) = '1'", next: "b" }], default: "b", onError: { next: "b" } }, b: { type: "end" } }],
  ])("fails the decision, not the step, when it evaluates %s: nothing is recorded that a replay would not repeat", async (_case, nodes) => {
    const raw = { version: 1, start: "a", nodes };
    // The custom status is evaluated once its step completed.
    const history = [started, ...(_case === "a custom status" ? completedA : [])];
    const error = await decide(definition(raw), history, now, breaksOnString).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("the sandbox is unavailable");
  });
});
