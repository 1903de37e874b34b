/**
 * Replaying a recorded history for tests: wherever the history records a decision, the engine
 * must decide the very same events again from the events before it. Stored histories are
 * replayed by every later engine, so any difference means an instance could take another path,
 * schedule a step twice or never finish once the engine is upgraded.
 */
import { isDeepStrictEqual } from "node:util";
import type { Definition } from "@flowcraft/definition";
import { decide } from "./decide.ts";
import type { HistoryEvent, HistoryEventType } from "./history.ts";

/**
 * Who writes each kind of event: the engine (the record of a command it decided) or the runtime
 * (something that happened: a result, a fired timer, a raised event, an operator's action).
 * The runtime also writes execution_failed when it cannot plan a turn at all; a history with such
 * a failure does not replay, and is no case for these checks.
 */
export const WRITTEN_BY: Record<HistoryEventType, "engine" | "runtime"> = {
  execution_started: "runtime",
  activity_scheduled: "engine",
  activity_started: "runtime",
  activity_completed: "runtime",
  activity_failed: "runtime",
  activity_retrying: "engine",
  child_scheduled: "engine",
  child_started: "runtime",
  child_completed: "runtime",
  child_failed: "runtime",
  child_terminated: "runtime",
  timer_created: "engine",
  timer_fired: "runtime",
  event_wait_started: "engine",
  event_raised: "runtime",
  event_consumed: "engine",
  custom_status_set: "engine",
  suspended: "runtime",
  resumed: "runtime",
  terminated: "runtime",
  rerun_requested: "runtime",
  choice_recorded: "engine",
  continued_as_new: "engine",
  execution_completed: "engine",
  execution_failed: "engine",
};

export const isDecided = (event: HistoryEvent) => WRITTEN_BY[event.type] === "engine";

/** A decision recorded in a history: its events are `history[start, end)`, decided at `at`. */
export interface RecordedDecision {
  start: number;
  end: number;
  at: string;
}

/**
 * The decisions a history records: each run of engine-written events. A turn stores its events
 * at once, and one decision follows whatever a turn adds (the engine goes on until nothing is
 * left to decide), so a run is exactly what one decision wrote.
 */
export function recordedDecisions(history: readonly HistoryEvent[]): RecordedDecision[] {
  const decisions: RecordedDecision[] = [];
  for (let start = 0; start < history.length; start++) {
    if (!isDecided(history[start]!)) continue;
    let end = start;
    while (end < history.length && isDecided(history[end]!)) end++;
    decisions.push({ start, end, at: history[start]!.at });
    start = end;
  }
  return decisions;
}

/**
 * An event as it is stored, without the time it was appended: undefined fields are dropped as in
 * storage. The time of a decision is what `now` is given in a replay; the times derived from it
 * (a timer's fireAt, a retry's retryAt) stay, and must come out the same.
 */
export function storedForm(event: HistoryEvent): Record<string, unknown> {
  const { at: _at, ...rest } = event;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

export function sameEvent(a: HistoryEvent, b: HistoryEvent): boolean {
  return isDeepStrictEqual(storedForm(a), storedForm(b));
}

/** The events that end a generation. */
export const ENDINGS: ReadonlySet<HistoryEventType> = new Set(["execution_completed", "execution_failed", "continued_as_new", "terminated"]);

/** An event in words for a failure message: type and seq first, the other fields in name order, so that two line up. */
function show(event: HistoryEvent | undefined): string {
  if (!event) return "nothing";
  const { type, seq, ...fields } = storedForm(event);
  return JSON.stringify({ type, seq, ...Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) });
}

/**
 * Replays one generation's history: each decision (by default, each one the history shows: those
 * that decided nothing leave no trace) is decided again from the events before it, at the time it
 * was taken, and must yield its events exactly, seq included (an event_consumed names a raised
 * event by seq). A history that ends its generation must then decide nothing more. Returns where
 * the replay first departs from the record, in words, or null.
 */
export async function replayDivergence(
  definition: Definition,
  history: readonly HistoryEvent[],
  decisions: readonly RecordedDecision[] = recordedDecisions(history),
): Promise<string | null> {
  for (const { start, end, at } of decisions) {
    const recorded = history.slice(start, end);
    const { events: decided } = await decide(definition, history.slice(0, start), new Date(at));
    const differs = Array.from({ length: Math.max(recorded.length, decided.length) }, (_, i) => i).find(
      (i) => !recorded[i] || !decided[i] || !sameEvent(recorded[i]!, decided[i]!),
    );
    if (differs === undefined) continue;
    return (
      `the decision after seq ${history[start - 1]?.seq ?? 0} (${history[start - 1]?.type ?? "the start"}) recorded ${recorded.length} event(s) and ` +
      `now decides ${decided.length}; they first differ at its event ${differs + 1}:\n` +
      `  recorded: ${show(recorded[differs])}\n` +
      `  decided:  ${show(decided[differs])}`
    );
  }
  const last = history.at(-1);
  if (last && ENDINGS.has(last.type)) {
    const { events: more } = await decide(definition, history, new Date(last.at));
    if (more.length > 0) return `the history ends with ${last.type} (seq ${last.seq}), yet a replay of all of it decides more: ${show(more[0])}`;
  }
  return null;
}
