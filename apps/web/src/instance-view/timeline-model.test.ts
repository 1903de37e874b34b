import { describe, expect, it } from "vitest";
import { validateDefinition, type Definition } from "@flowcraft/definition";
import { decide, progressOf, type HistoryEvent } from "@flowcraft/engine";
import { lanesOf } from "./timeline-model.ts";

function definition(raw: unknown): Definition {
  const result = validateDefinition(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const retrying = definition({
  version: 1,
  start: "each",
  nodes: {
    each: {
      type: "map",
      items: "input",
      body: {
        start: "first",
        nodes: {
          first: { type: "activity", activity: "work", input: "item", retry: { maxAttempts: 3, firstInterval: 5 }, next: "second" },
          second: { type: "activity", activity: "work", input: "item" },
        },
      },
    },
  },
});

/** Runs the engine by hand: each step's events stamped a second apart. */
async function historyOf(): Promise<HistoryEvent[]> {
  const history: HistoryEvent[] = [];
  let clock = Date.parse("2026-01-01T00:00:00.000Z");
  const append = (body: Record<string, unknown>) => history.push({ ...body, seq: history.length + 1, at: new Date((clock += 1000)).toISOString() } as HistoryEvent);
  const step = async () => history.push(...(await decide(retrying, history, new Date((clock += 1000)))).events);
  append({ type: "execution_started", workflowName: "t", workflowVersion: 1, input: [1, 2], generation: 1 });
  await step();
  // A result says when its attempt started: half a second before it is stamped.
  const ran = () => ({ worker: "w", startedAt: new Date(clock + 500).toISOString() });
  append({ type: "activity_failed", activityId: "each[0].first", attempt: 1, error: { name: "ActivityFailed", message: "boom" }, ...ran() });
  await step();
  append({ type: "activity_completed", activityId: "each[1].first", attempt: 1, output: 2, ...ran() });
  await step();
  return history;
}

describe("timeline lanes", () => {
  it("draws a lane per place, iterations in order with their steps together, and a bar per attempt and backoff", async () => {
    const history = await historyOf();
    const progress = await progressOf(retrying, history);
    const lanes = lanesOf(progress, Date.parse(history.at(-1)!.at));
    expect(lanes.map((lane) => [lane.key, lane.parent, lane.depth])).toEqual([
      ["each", null, 0],
      ["each[0].first", "each", 1],
      ["each[0].second", "each", 1],
      ["each[1].first", "each", 1],
      ["each[1].second", "each", 1],
    ]);
    const first = lanes.find((lane) => lane.key === "each[0].first")!;
    expect(first.state).toBe("retrying");
    expect(first.bars().map((bar) => [bar.kind, bar.attempt, bar.state])).toEqual([
      ["queued", 1, "open"],
      ["attempt", 1, "failed"],
      ["backoff", 2, "open"],
      ["queued", 2, "open"],
    ]);
    expect(first.bars()[1]!.title()).toContain("attempt 1 of 3");
    expect(first.bars()[1]!.title()).toContain("boom");
    // An attempt that never failed still says how many there may be.
    expect(lanes.find((lane) => lane.key === "each[1].first")!.bars()[1]!.title()).toContain("attempt 1 of 3: started at");
    expect(lanes.find((lane) => lane.key === "each[0].second")!.bars()).toEqual([]);
    // The map's lane marks when its items were listed.
    expect(lanes[0]!.bars().find((bar) => bar.kind === "choice")!.title()).toMatch(/^each listed 2 items from input at /);
  });

  it("gives a decision a lane with a mark saying which way it went and the value that decided it", async () => {
    const routed = definition({
      version: 1,
      start: "route",
      nodes: {
        route: { type: "decision", choices: [{ when: "input.amount > 100", next: "big" }], default: "small" },
        big: { type: "end" },
        small: { type: "end" },
      },
    });
    const started = { type: "execution_started", workflowName: "t", workflowVersion: 1, input: { amount: 500 }, generation: 1, seq: 1, at: "2026-01-01T00:00:00.000Z" } as HistoryEvent;
    const history = [started, ...(await decide(routed, [started], new Date("2026-01-01T00:00:01.000Z"))).events];
    const lanes = lanesOf(await progressOf(routed, history), Date.parse(history.at(-1)!.at));
    const marks = lanes.find((lane) => lane.key === "route")!.bars();
    expect(marks.map((bar) => [bar.kind, bar.title()])).toEqual([["choice", expect.stringMatching(/^route went to big: choice 1, input.amount > 100, yielded true at /)]]);
  });
});
