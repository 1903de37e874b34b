import { describe, expect, it } from "vitest";
import { generationAt, generationsOf, indexAtSeq } from "./replay-model.ts";
import type { FeedEvent } from "./instance-feed.ts";

const event = (seq: number, generation: number) => ({ type: "timer_fired", timerId: "t", seq, at: "2026-01-01T00:00:00.000Z", generation }) as FeedEvent;

describe("replay positions", () => {
  const events = [event(1, 1), event(2, 1), event(3, 2), event(5, 2), event(6, 3)];

  it("splits the history into its generations", () => {
    expect(generationsOf(events)).toEqual([
      { number: 1, firstIndex: 0, lastIndex: 1, firstSeq: 1, lastSeq: 2 },
      { number: 2, firstIndex: 2, lastIndex: 3, firstSeq: 3, lastSeq: 5 },
      { number: 3, firstIndex: 4, lastIndex: 4, firstSeq: 6, lastSeq: 6 },
    ]);
  });

  it("finds the last event at or before a sequence number, and its generation", () => {
    expect(indexAtSeq(events, 0)).toBe(-1);
    expect(indexAtSeq(events, 4)).toBe(2);
    expect(indexAtSeq(events, 99)).toBe(4);
    expect(generationAt(generationsOf(events), indexAtSeq(events, 4))?.number).toBe(2);
  });
});
