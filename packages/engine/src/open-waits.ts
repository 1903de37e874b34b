/**
 * What keeps an instance waiting: event waits neither answered nor timed out, and timers that are
 * steps of their own (a delay, a monitor's interval) not yet fired. A wait's timeout timer belongs
 * to its wait. The facts keep both as events are folded in (see addFact), and the runtime stores
 * the answer with every turn, so that lists count waiting instances without reading histories.
 */
import { TIMEOUT_SUFFIX, type Facts } from "./facts.ts";

/** The timer that ends an event wait nothing answered. */
export const timeoutTimerOf = (waitId: string) => `${waitId}${TIMEOUT_SUFFIX}`;

/** Event waits neither answered nor timed out. */
export function openEventWaits(facts: Facts): ReadonlySet<string> {
  return facts.openWaits;
}

/** Whether an instance whose history gave these facts waits on an event or a timer. */
export function isWaiting(facts: Facts): boolean {
  return !facts.ended && (facts.openWaits.size > 0 || facts.openTimers.size > 0);
}
