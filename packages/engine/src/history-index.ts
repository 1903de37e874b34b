/**
 * One generation's history with its facts, extended event by event. A worker keeps one per busy
 * instance between turns, so a turn folds in only its new events: indexing the whole history on
 * every turn made each step of a big instance cost more than the one before.
 */
import { addFact, emptyFacts, type Facts } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";
import type { SettledIterations } from "./settled-iterations.ts";

export class HistoryIndex {
  readonly events: HistoryEvent[] = [];
  readonly facts: Facts = emptyFacts();
  /** Map iterations that history alone has settled, by map key: see runMap. */
  readonly settled = new Map<string, SettledIterations>();

  constructor(events: Iterable<HistoryEvent> = []) {
    this.append(events);
  }

  append(events: Iterable<HistoryEvent>) {
    for (const event of events) {
      this.events.push(event);
      addFact(this.facts, event);
    }
  }

  get lastSeq(): number {
    return this.events.at(-1)?.seq ?? 0;
  }
}
