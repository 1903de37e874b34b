/** Which events of an instance's history a step filter keeps. */
import { HISTORY_EVENT_TYPES, type HistoryEventType } from "@flowcraft/engine";
import type { FeedEvent } from "./instance-feed.ts";

const EVENT_TYPES = Object.keys(HISTORY_EVENT_TYPES) as HistoryEventType[];

/**
 * The types a history holds, with how many of each, in the order the types are defined: what the
 * type filter offers, rather than every type there is (some are kept only for old histories).
 */
export function typesIn(events: readonly FeedEvent[]): Array<[HistoryEventType, number]> {
  const counts = new Map<HistoryEventType, number>();
  for (const event of events) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  return EVENT_TYPES.flatMap((type) => (counts.has(type) ? [[type, counts.get(type)!] as [HistoryEventType, number]] : []));
}

/** The step an event is about: the node id at the end of its activity, timer or wait key. */
export function stepOfEvent(event: FeedEvent): string | null {
  const key = keyOfEvent(event);
  if (key === null) return null;
  const last = key.slice(key.lastIndexOf(".") + 1);
  const colon = last.indexOf(":");
  return colon === -1 ? last : last.slice(0, colon);
}

/** The place an event is about (a step, or a step in a map iteration), or null for the instance's own events. */
export function keyOfEvent(event: FeedEvent): string | null {
  switch (event.type) {
    case "activity_scheduled":
    case "timer_created":
    case "event_wait_started":
    case "event_consumed":
    case "custom_status_set":
      return event.node;
    case "activity_started":
    case "activity_completed":
    case "activity_failed":
    case "activity_retrying":
      return event.activityId;
    case "timer_fired":
      return event.timerId;
    case "choice_recorded":
      return event.key;
    case "event_raised":
      return event.waitId ?? null;
    default:
      return null;
  }
}

/**
 * The events of one type (or any, "") about one step (or any, ""). A raised event belongs to the
 * step it was addressed to or whose wait took it, so that filtering on an approval shows the
 * decision and who made it.
 */
export function filterHistory(events: readonly FeedEvent[], type: FeedEvent["type"] | "", step: string): readonly FeedEvent[] {
  if (type === "" && step === "") return events;
  const takenByStep = new Set<number>();
  if (step !== "") for (const event of events) if (event.type === "event_consumed" && event.node === step) takenByStep.add(event.raisedSeq);
  const ofStep = (event: FeedEvent) => stepOfEvent(event) === step || (event.type === "event_raised" && takenByStep.has(event.seq));
  return events.filter((event) => (type === "" || event.type === type) && (step === "" || ofStep(event)));
}
