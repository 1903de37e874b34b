/** Positions in an instance's history: its continue-as-new generations, and the prefix up to an event. */
import type { FeedEvent } from "./instance-feed.ts";

export interface Generation {
  number: number;
  /** Index range in the event list, inclusive. */
  firstIndex: number;
  lastIndex: number;
  firstSeq: number;
  lastSeq: number;
}

/** Generations in order; each is a contiguous run of events. */
export function generationsOf(events: readonly FeedEvent[]): Generation[] {
  const generations: Generation[] = [];
  events.forEach((event, index) => {
    const current = generations.at(-1);
    if (current && current.number === event.generation) {
      current.lastIndex = index;
      current.lastSeq = event.seq;
    } else {
      generations.push({ number: event.generation, firstIndex: index, lastIndex: index, firstSeq: event.seq, lastSeq: event.seq });
    }
  });
  return generations;
}

/** Index of the last event at or before `seq` (events are in seq order); -1 when there is none. */
export function indexAtSeq(events: readonly FeedEvent[], seq: number): number {
  let low = 0;
  let high = events.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (events[middle]!.seq <= seq) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The generation an event index belongs to. */
export function generationAt(generations: readonly Generation[], index: number): Generation | undefined {
  return generations.find((generation) => index >= generation.firstIndex && index <= generation.lastIndex);
}
