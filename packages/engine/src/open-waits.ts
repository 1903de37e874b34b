/**
 * What keeps an instance waiting: event waits neither answered nor timed out, and timers that are
 * steps of their own (a delay, a monitor's interval) not yet fired. A wait's timeout timer belongs
 * to its wait. The runtime stores this with every turn, so that lists count waiting instances
 * without reading their histories.
 */
import type { Facts } from "./facts.ts";
import type { HistoryEvent } from "./history.ts";

/** The timer that ends an event wait nothing answered. */
export const timeoutTimerOf = (waitId: string) => `${waitId}:timeout`;

/** Event waits neither answered nor timed out. */
export function openEventWaits(facts: Facts): Set<string> {
  const open = new Set<string>();
  for (const waitId of facts.waits.keys()) {
    if (!facts.consumed.has(waitId) && facts.timers.get(timeoutTimerOf(waitId))?.firedSeq === undefined) open.add(waitId);
  }
  return open;
}

/**
 * Whether the instance waits after `events`, given the facts of the history before them. Only
 * the new events are folded, so a turn need not index its whole history again.
 */
export function waitsAfter(before: Facts, events: readonly HistoryEvent[]): boolean {
  if (before.ended) return false;
  // Waits and timers are told apart by prefix: a wait and a timer may share a step's key.
  const open = new Set<string>();
  /** Each open wait by its timeout timer, which ends it when it fires. */
  const byTimeout = new Map<string, string>();
  const startWait = (waitId: string) => {
    open.add(`wait:${waitId}`);
    byTimeout.set(timeoutTimerOf(waitId), waitId);
  };
  openEventWaits(before).forEach(startWait);
  for (const [timerId, timer] of before.timers) {
    if (timer.created.purpose !== "wait_timeout" && timer.firedSeq === undefined) open.add(`timer:${timerId}`);
  }
  for (const event of events) {
    switch (event.type) {
      case "event_wait_started":
        startWait(event.waitId);
        break;
      case "event_consumed":
        open.delete(`wait:${event.waitId}`);
        break;
      case "timer_created":
        if (event.purpose !== "wait_timeout") open.add(`timer:${event.timerId}`);
        break;
      case "timer_fired":
        open.delete(`timer:${event.timerId}`);
        if (byTimeout.has(event.timerId)) open.delete(`wait:${byTimeout.get(event.timerId)}`);
        break;
      case "execution_started":
      case "terminated":
      case "continued_as_new":
      case "execution_completed":
      case "execution_failed":
        open.clear();
        break;
      default:
        break;
    }
  }
  return open.size > 0;
}
