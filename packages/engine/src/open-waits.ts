/**
 * What keeps an instance waiting: event waits neither answered nor timed out, and timers that are
 * steps of their own (a delay, a monitor's interval) not yet fired. A wait's timeout timer belongs
 * to its wait. The facts keep both as events are folded in (see addFact), and the runtime stores
 * what each turn changed, so that lists and the approvals inbox read them without reading histories.
 */
import { TIMEOUT_SUFFIX, type Facts } from "./facts.ts";
import type { HistoryEventOf } from "./history.ts";

/** The timer that ends an event wait nothing answered. */
export const timeoutTimerOf = (waitId: string) => `${waitId}${TIMEOUT_SUFFIX}`;

/** Whether an instance whose history gave these facts waits on an event or a timer. */
export function isWaiting(facts: Facts): boolean {
  return !facts.ended && (facts.openWaits.size > 0 || facts.openTimers.size > 0);
}

/** How history began something an instance waits on: an event wait, or a timer of its own. */
export type WaitStart = HistoryEventOf<"event_wait_started"> | HistoryEventOf<"timer_created">;

/** Everything the instance waits on. */
export function openWaitStarts(facts: Facts): WaitStart[] {
  if (facts.ended) return [];
  return [...facts.openWaits, ...facts.openTimers].map((id) => startOf(facts, id)!);
}

/** What events folded into the facts changed in what the instance waits on. */
export interface WaitChanges {
  /** Begun and still open. */
  opened: WaitStart[];
  /** Ids of waits answered or timed out, and of timers fired. */
  closed: string[];
}

/** From now on, the facts note every wait and timer that opens or closes, until the changes are taken. */
export function followWaitChanges(facts: Facts) {
  facts.changedWaits = new Set();
}

/** What opened and closed since the facts began to follow it; they follow no more. */
export function takeWaitChanges(facts: Facts): WaitChanges {
  const changed = facts.changedWaits ?? new Set<string>();
  delete facts.changedWaits;
  const changes: WaitChanges = { opened: [], closed: [] };
  for (const id of changed) {
    const start = facts.ended ? undefined : startOf(facts, id);
    if (start) changes.opened.push(start);
    else changes.closed.push(id);
  }
  return changes;
}

/** How an open wait or timer began; undefined when it is not open. */
function startOf(facts: Facts, id: string): WaitStart | undefined {
  if (facts.openWaits.has(id)) return facts.waits.get(id);
  if (facts.openTimers.has(id)) return facts.timers.get(id)?.created;
  return undefined;
}
