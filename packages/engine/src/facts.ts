/** History indexed for the interpreter: what is known about each activity, timer, wait and event. */
import type { ChoiceKind, HistoryEvent, HistoryEventOf, Resume } from "./history.ts";
import type { Json } from "./json.ts";

export interface ActivityFacts {
  scheduled: HistoryEventOf<"activity_scheduled">;
  /** Highest attempt that has been queued (first schedule or a retry). */
  attempt: number;
  completed?: HistoryEventOf<"activity_completed">;
  /** Failure of the current attempt, if it failed. */
  failed?: HistoryEventOf<"activity_failed">;
}

/** A sub-workflow step's current attempt: the child asked for, and what became of it. */
export interface ChildFacts {
  scheduled: HistoryEventOf<"child_scheduled">;
  started?: HistoryEventOf<"child_started">;
  completed?: HistoryEventOf<"child_completed">;
  /** The attempt's child failed, could not start, or was terminated. */
  failed?: HistoryEventOf<"child_failed"> | HistoryEventOf<"child_terminated">;
}

export interface TimerFacts {
  created: HistoryEventOf<"timer_created">;
  firedSeq?: number;
}

export interface Facts {
  started: HistoryEventOf<"execution_started"> | null;
  input: Json;
  resume: Resume | undefined;
  activities: Map<string, ActivityFacts>;
  children: Map<string, ChildFacts>;
  timers: Map<string, TimerFacts>;
  waits: Map<string, HistoryEventOf<"event_wait_started">>;
  consumed: Map<string, HistoryEventOf<"event_raised">>;
  /** Raised events no wait has consumed yet, by sequence number, oldest first. */
  unconsumed: Map<number, HistoryEventOf<"event_raised">>;
  /** Every event id raised in this generation: a raise repeated with the same id is a no-op. */
  raisedIds: Set<string>;
  /** Event waits neither answered (an event consumed, or a decision addressed to them raised) nor timed out. */
  openWaits: Set<string>;
  /** Timers that are steps of their own (a delay, a monitor's interval) and have not fired. */
  openTimers: Set<string>;
  /** Set by whoever follows what opens and closes: the open waits and timers that changed since (see open-waits.ts). */
  changedWaits?: Set<string>;
  customStatusKeys: Set<string>;
  /** Choices made so far, by `choiceKey(key, of)`. */
  choices: Map<string, HistoryEventOf<"choice_recorded">>;
  /** Key prefixes ("fan[3].") under which anything has happened: map iterations that started. */
  touchedPrefixes: Set<string>;
  ended: boolean;
  suspended: boolean;
}

export function emptyFacts(): Facts {
  return {
    started: null,
    input: null,
    resume: undefined,
    activities: new Map(),
    children: new Map(),
    timers: new Map(),
    waits: new Map(),
    consumed: new Map(),
    unconsumed: new Map(),
    raisedIds: new Set(),
    openWaits: new Set(),
    openTimers: new Set(),
    customStatusKeys: new Set(),
    choices: new Map(),
    touchedPrefixes: new Set(),
    ended: false,
    suspended: false,
  };
}

export function indexHistory(history: readonly HistoryEvent[]): Facts {
  const facts = emptyFacts();
  for (const event of history) addFact(facts, event);
  return facts;
}

/** Folds one more event, in sequence order, into the facts. */
export function addFact(facts: Facts, event: HistoryEvent) {
  switch (event.type) {
    case "execution_started":
      facts.started = event;
      facts.input = event.input;
      facts.resume = event.resume;
      break;
    case "activity_scheduled":
      facts.activities.set(event.activityId, { scheduled: event, attempt: event.attempt });
      touch(facts, event.activityId);
      break;
    case "activity_completed": {
      const activity = facts.activities.get(event.activityId);
      if (activity && event.attempt === activity.attempt && !activity.completed) activity.completed = event;
      break;
    }
    case "activity_failed": {
      const activity = facts.activities.get(event.activityId);
      if (activity && event.attempt === activity.attempt && !activity.completed) activity.failed = event;
      break;
    }
    case "activity_retrying": {
      const activity = facts.activities.get(event.activityId);
      if (activity && event.attempt === activity.attempt + 1) {
        activity.attempt = event.attempt;
        delete activity.failed;
      }
      break;
    }
    case "child_scheduled": {
      const child = facts.children.get(event.stepId);
      if (!child || event.attempt > child.scheduled.attempt) facts.children.set(event.stepId, { scheduled: event });
      touch(facts, event.stepId);
      break;
    }
    case "child_started": {
      const child = currentChild(facts, event);
      if (child && !child.started) child.started = event;
      break;
    }
    case "child_completed": {
      const child = currentChild(facts, event);
      if (child) child.completed = event;
      break;
    }
    case "child_failed":
    case "child_terminated": {
      const child = currentChild(facts, event);
      if (child) child.failed = event;
      break;
    }
    case "timer_created":
      facts.timers.set(event.timerId, { created: event });
      if (event.purpose !== "wait_timeout") openIn(facts, facts.openTimers, event.timerId);
      touch(facts, event.timerId);
      break;
    case "timer_fired": {
      const timer = facts.timers.get(event.timerId);
      if (timer && timer.firedSeq === undefined) {
        timer.firedSeq = event.seq;
        closeIn(facts, facts.openTimers, event.timerId);
        if (timer.created.purpose === "wait_timeout") closeIn(facts, facts.openWaits, timer.created.timerId.slice(0, -TIMEOUT_SUFFIX.length));
      }
      break;
    }
    case "event_wait_started":
      facts.waits.set(event.waitId, event);
      if (!facts.consumed.has(event.waitId)) openIn(facts, facts.openWaits, event.waitId);
      touch(facts, event.waitId);
      break;
    case "event_raised":
      facts.unconsumed.set(event.seq, event);
      facts.raisedIds.add(event.eventId);
      // A decision addressed to an open wait answers it: no other wait may take it, and the wait
      // takes it the next time it runs (see runWait). Meanwhile (the instance is suspended), or
      // should it never run again (its parallel gave up its branch), nothing waits on it.
      if (event.waitId !== undefined && facts.waits.get(event.waitId)?.event === event.name) closeIn(facts, facts.openWaits, event.waitId);
      break;
    case "event_consumed": {
      const payload = facts.unconsumed.get(event.raisedSeq);
      if (payload) facts.consumed.set(event.waitId, payload);
      facts.unconsumed.delete(event.raisedSeq);
      closeIn(facts, facts.openWaits, event.waitId);
      break;
    }
    case "custom_status_set":
      facts.customStatusKeys.add(event.key);
      touch(facts, event.key);
      break;
    case "choice_recorded":
      if (!facts.choices.has(choiceKey(event.key, event.of))) facts.choices.set(choiceKey(event.key, event.of), event);
      touch(facts, event.key);
      break;
    case "suspended":
      facts.suspended = true;
      break;
    case "resumed":
      facts.suspended = false;
      break;
    case "terminated":
    case "continued_as_new":
    case "execution_completed":
    case "execution_failed":
      facts.ended = true;
      break;
    case "activity_started":
      break;
  }
}

/** The step's child, when the event is about its current attempt and that child has not ended. */
function currentChild(facts: Facts, event: { stepId: string; attempt: number }): ChildFacts | undefined {
  const child = facts.children.get(event.stepId);
  if (!child || child.scheduled.attempt !== event.attempt || child.completed || child.failed) return undefined;
  return child;
}

/** What the timer that ends an unanswered event wait is called: the wait's key and this. */
export const TIMEOUT_SUFFIX = ":timeout";

/** Where a choice of one kind, made at one place of the execution, is kept in the facts. */
export function choiceKey(key: string, of: ChoiceKind): string {
  return `${key}#${of}`;
}

/** Adds a wait or timer to the open ones: noted as changed, should anyone follow the changes. */
function openIn(facts: Facts, open: Set<string>, id: string) {
  if (open.has(id)) return;
  open.add(id);
  facts.changedWaits?.add(id);
}

function closeIn(facts: Facts, open: Set<string>, id: string) {
  if (open.delete(id)) facts.changedWaits?.add(id);
}

/** Records every map-iteration prefix of a key: "a[1].b[2].c" touches "a[1]." and "a[1].b[2].". */
function touch(facts: Facts, key: string) {
  for (let i = key.indexOf("]."); i !== -1; i = key.indexOf("].", i + 2)) {
    facts.touchedPrefixes.add(key.slice(0, i + 2));
  }
}
