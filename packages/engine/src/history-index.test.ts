import { describe, expect, it } from "vitest";
import { decide } from "./decide.ts";
import type { HistoryEvent } from "./history.ts";
import { HistoryIndex } from "./history-index.ts";
import type { Json } from "./json.ts";
import { definition, Simulation } from "./test-simulation.ts";

/** Each item's iteration waits for its own event, then runs a step that fails for odd items on the first try. */
const fan = definition({
  version: 1,
  start: "each",
  nodes: {
    each: {
      type: "map",
      items: "input",
      maxConcurrency: 3,
      body: {
        start: "hold",
        nodes: {
          hold: { type: "wait", event: "go", next: "work" },
          work: { type: "activity", activity: "work", input: "item", retry: { maxAttempts: 2, firstInterval: 0 }, next: "shape" },
          shape: { type: "end", output: "{'item': item, 'out': steps.work}" },
        },
      },
    },
  },
});

const work = (x: Json, attempt: number) => {
  if (typeof x === "number" && x % 2 === 1 && attempt === 1) throw new Error("first try of an odd item");
  return x;
};

describe("a history index kept between decisions", () => {
  it("decides exactly as a decision over the whole history read afresh, turn after turn", async () => {
    const sim = new Simulation(fan, { work });
    sim.start([1, 2, 3, 4, 5, 6, 7]);
    const kept = new HistoryIndex(sim.history);
    for (let turn = 0; turn < 200 && sim.last().type !== "execution_completed"; turn++) {
      // What happened since the last decision reaches the kept index as new events only.
      kept.append(sim.history.slice(kept.events.length));
      const afresh = await decide(fan, [...sim.history] as HistoryEvent[], sim.now);
      const incremental = await decide(fan, kept, sim.now);
      expect(incremental).toEqual(afresh);
      sim.history.push(...afresh.events);
      if (turn % 2 === 0) sim.raise("go", turn);
      const queued = afresh.commands.filter((c) => c.type === "schedule_activity" || c.type === "retry_activity");
      for (const task of queued) {
        const run = { startedAt: sim.now.toISOString(), worker: "w" };
        try {
          sim.append({ type: "activity_completed", activityId: task.activityId, attempt: task.attempt, output: work(task.input, task.attempt), ...run });
        } catch (error) {
          sim.append({ type: "activity_failed", activityId: task.activityId, attempt: task.attempt, error: { name: "ActivityFailed", message: (error as Error).message }, ...run });
        }
      }
    }
    expect(sim.last()).toMatchObject({ type: "execution_completed", output: [1, 2, 3, 4, 5, 6, 7].map((item) => ({ item, out: item })) });
    expect(kept.events).toEqual(sim.history);
  });
});
