import { describe, expect, it } from "vitest";
import { validateDefinition, type Definition } from "@flowcraft/definition";
import { decide, progressOf, type HistoryEvent } from "@flowcraft/engine";
import { lanesOf, type Lane } from "./timeline-model.ts";

function definition(raw: unknown): Definition {
  const result = validateDefinition(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

/** A timer, then a wait that is answered, one that times out, and one nobody answers. */
const waiting = definition({
  version: 1,
  start: "nap",
  nodes: {
    nap: { type: "timer", duration: 10, next: "answered" },
    answered: { type: "wait", event: "go", timeout: 60, next: "expired" },
    expired: { type: "wait", event: "never", timeout: 5, onTimeout: "open" },
    open: { type: "wait", event: "later" },
  },
});

const T0 = Date.parse("2026-01-01T00:00:00.000Z");

/**
 * Runs the engine by hand, each step at a time of its own: `at` says when (ms after T0) the
 * runtime stored each outside event and the engine's answer to it.
 */
async function historyOf(): Promise<HistoryEvent[]> {
  const history: HistoryEvent[] = [];
  const append = (atMs: number, body: Record<string, unknown>) => history.push({ ...body, seq: history.length + 1, at: new Date(T0 + atMs).toISOString() } as HistoryEvent);
  const step = async (atMs: number) => history.push(...(await decide(waiting, history, new Date(T0 + atMs))).events);
  append(0, { type: "execution_started", workflowName: "t", workflowVersion: 1, input: null, generation: 1 });
  await step(1_000); // the timer is set
  append(11_000, { type: "timer_fired", timerId: "nap" });
  await step(11_000); // "answered" starts waiting, with its timeout
  append(14_000, { type: "event_raised", eventId: "e1", name: "go", payload: { ok: true } });
  await step(14_500); // "answered" takes it; "expired" starts waiting
  append(19_500, { type: "timer_fired", timerId: "expired:timeout" });
  await step(20_000); // "expired" times out onto "open", which waits
  return history;
}

const at = (history: HistoryEvent[], type: HistoryEvent["type"], key: string): number => {
  const found = history.find((event) => event.type === type && Object.values(event).includes(key));
  if (!found) throw new Error(`no ${type} for ${key}`);
  return Date.parse(found.at);
};

const laneOf = (lanes: Lane[], key: string): Lane => lanes.find((lane) => lane.key === key)!;
const shape = (lane: Lane) => lane.bars().map(({ kind, start, end, open, state }) => ({ kind, start, end, open, state }));

describe("timeline bars of timers and waits", () => {
  it("draws the timer from when it was set until it fired, and each wait until it was answered, timed out, or now", async () => {
    const history = await historyOf();
    const progress = await progressOf(waiting, history);
    const now = T0 + 60_000;
    const lanes = lanesOf(progress, now);

    expect(lanes.map((lane) => [lane.key, lane.depth, lane.state])).toEqual([
      ["nap", 0, "completed"],
      ["answered", 0, "completed"],
      ["expired", 0, "completed"],
      ["open", 0, "waiting"],
    ]);

    expect(shape(laneOf(lanes, "nap"))).toEqual([{ kind: "timer", start: T0 + 1_000, end: T0 + 11_000, open: false, state: "completed" }]);
    expect(laneOf(lanes, "nap").bars()[0]!.title()).toMatch(/^nap timer: set at .+, due at .+, fired at .+$/);

    // The answered wait's timeout never fires: no bar of it may look as if it still ran until now.
    expect(shape(laneOf(lanes, "answered"))).toEqual([{ kind: "wait", start: T0 + 11_000, end: T0 + 14_500, open: false, state: "completed" }]);
    expect(at(history, "event_consumed", "answered")).toBe(T0 + 14_500);

    // A wait that timed out ends when its timeout fired, not when the next step began.
    expect(shape(laneOf(lanes, "expired"))).toEqual([{ kind: "wait", start: T0 + 14_500, end: T0 + 19_500, open: false, state: "completed" }]);
    expect(laneOf(lanes, "expired").bars()[0]!.title()).toMatch(/^expired waits for never from .+, times out at .+, ended at .+$/);

    expect(shape(laneOf(lanes, "open"))).toEqual([{ kind: "wait", start: T0 + 20_000, end: now, open: true, state: "waiting" }]);
    expect(laneOf(lanes, "open").bars()[0]!.title()).not.toContain("ended at");
  });

  it("lets an open wait's bar grow with the clock, and keeps closed bars where they were", async () => {
    const history = await historyOf();
    const progress = await progressOf(waiting, history);
    const earlier = lanesOf(progress, T0 + 30_000);
    const later = lanesOf(progress, T0 + 90_000);
    expect(laneOf(earlier, "open").bars()[0]!.end).toBe(T0 + 30_000);
    expect(laneOf(later, "open").bars()[0]!.end).toBe(T0 + 90_000);
    expect(shape(laneOf(later, "expired"))).toEqual(shape(laneOf(earlier, "expired")));
    // A clock behind the wait's start (a replay position, a skewed browser) never draws it backwards.
    const behind = laneOf(lanesOf(progress, T0), "open").bars()[0]!;
    expect(behind.end).toBe(behind.start);
  });

  it("draws a timer that has not fired as an open bar up to now, waiting, with its due time", async () => {
    const history = await historyOf();
    // As the view shows it while replaying to just after the timer was set.
    const prefix = history.slice(0, history.findIndex((event) => event.type === "timer_fired"));
    const progress = await progressOf(waiting, prefix);
    const lanes = lanesOf(progress, T0 + 4_000);
    expect(lanes.map((lane) => [lane.key, lane.state])).toEqual([
      ["nap", "waiting"],
      ["answered", "pending"],
      ["expired", "pending"],
      ["open", "pending"],
    ]);
    // Steps not reached yet have their lanes, empty: nothing of them may look begun.
    expect(lanes.slice(1).flatMap((lane) => lane.bars())).toEqual([]);
    expect(shape(laneOf(lanes, "nap"))).toEqual([{ kind: "timer", start: T0 + 1_000, end: T0 + 4_000, open: true, state: "waiting" }]);
    const title = laneOf(lanes, "nap").bars()[0]!.title();
    expect(title).toMatch(/^nap timer: set at .+, due at .+$/);
    expect(title).not.toContain("fired");
  });

  it("draws a wait that timed out into a failure, without an error path, as failed and ended at the timeout", async () => {
    const strict = definition({ version: 1, start: "deadline", nodes: { deadline: { type: "wait", event: "go", timeout: 5 } } });
    const history: HistoryEvent[] = [];
    const append = (atMs: number, body: Record<string, unknown>) => history.push({ ...body, seq: history.length + 1, at: new Date(T0 + atMs).toISOString() } as HistoryEvent);
    append(0, { type: "execution_started", workflowName: "t", workflowVersion: 1, input: null, generation: 1 });
    history.push(...(await decide(strict, history, new Date(T0 + 500))).events);
    append(5_500, { type: "timer_fired", timerId: "deadline:timeout" });
    history.push(...(await decide(strict, history, new Date(T0 + 6_000))).events);
    expect(history.at(-1)!.type).toBe("execution_failed");

    const lanes = lanesOf(await progressOf(strict, history), T0 + 60_000);
    expect(lanes.map((lane) => [lane.key, lane.state])).toEqual([["deadline", "failed"]]);
    expect(shape(laneOf(lanes, "deadline"))).toEqual([{ kind: "wait", start: T0 + 500, end: T0 + 5_500, open: false, state: "failed" }]);
  });
});
