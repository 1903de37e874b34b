/**
 * What one pass over a history prefix records of each activity, timer and wait, for the instance
 * view: every attempt of an activity or a sub-workflow step (the interpreter's facts keep only the
 * latest), and when each timer and wait began and ended.
 */
import type { ApprovalRequest, Choice, HistoryEvent, TimerPurpose, WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";
import { childError, childRetryTimerOf } from "./subworkflow-step.ts";

export interface AttemptRecord {
  /** 1-based. */
  attempt: number;
  /** When the attempt was queued: the first schedule, or the decision that planned a retry. */
  queuedAt: string;
  /** When a retry may start (after its backoff); absent for the first attempt. */
  dueAt?: string;
  /** When a worker first picked it up. */
  startedAt?: string;
  endedAt?: string;
  outcome: "open" | "completed" | "failed";
  error?: WorkflowError;
  /** A sub-workflow step's attempt: the child instance it started. */
  childId?: string;
}

export interface ActivityRecord {
  input: Json;
  output?: Json;
  attempts: AttemptRecord[];
}

export interface TimerRecord {
  purpose: TimerPurpose;
  createdAt: string;
  fireAt: string;
  firedAt?: string;
}

export interface WaitRecord {
  event: string;
  startedAt: string;
  timeoutAt?: string;
  approval?: ApprovalRequest;
  /** When the wait took its event. */
  consumedAt?: string;
  payload?: Json;
}

/** A choice as history recorded it, with when it was made. */
export type RecordedChoice = Choice & { at: string };

/** How a generation ended, if it did. */
export type Ending = "completed" | "failed" | "terminated" | "continued_as_new";

export interface HistoryRecords {
  /** Activities and sub-workflow steps, by place: each attempt is a task or a child instance. */
  activities: Map<string, ActivityRecord>;
  timers: Map<string, TimerRecord>;
  waits: Map<string, WaitRecord>;
  /** Choices made at each place, in the order they were made. */
  choices: Map<string, RecordedChoice[]>;
  ending: Ending | null;
  endedAt?: string;
  failure?: WorkflowError;
  suspended: boolean;
  firstAt?: string;
  lastAt?: string;
}

export function recordHistory(history: readonly HistoryEvent[]): HistoryRecords {
  const records: HistoryRecords = { activities: new Map(), timers: new Map(), waits: new Map(), choices: new Map(), ending: null, suspended: false };
  const raised = new Map<number, Json>();
  for (const event of history) {
    records.firstAt ??= event.at;
    records.lastAt = event.at;
    switch (event.type) {
      case "activity_scheduled":
        records.activities.set(event.activityId, { input: event.input, attempts: [{ attempt: event.attempt, queuedAt: event.at, outcome: "open" }] });
        break;
      case "activity_retrying":
        records.activities.get(event.activityId)?.attempts.push({ attempt: event.attempt, queuedAt: event.at, dueAt: event.retryAt, outcome: "open" });
        break;
      // Histories stored before v4; later ones carry startedAt on the attempt's result.
      case "activity_started": {
        const attempt = attemptOf(records, event.activityId, event.attempt);
        if (attempt) attempt.startedAt ??= event.at;
        break;
      }
      case "activity_completed": {
        const attempt = attemptOf(records, event.activityId, event.attempt);
        if (attempt && attempt.outcome === "open") {
          Object.assign(attempt, { outcome: "completed", endedAt: event.at });
          if (event.startedAt) attempt.startedAt ??= event.startedAt;
          records.activities.get(event.activityId)!.output = event.output;
        }
        break;
      }
      case "activity_failed": {
        const attempt = attemptOf(records, event.activityId, event.attempt);
        if (attempt && attempt.outcome === "open") {
          Object.assign(attempt, { outcome: "failed", endedAt: event.at, error: event.error });
          if (event.startedAt) attempt.startedAt ??= event.startedAt;
        }
        break;
      }
      case "child_scheduled": {
        // A retry's child is started when its backoff timer fires: the attempt waited from the timer's creation.
        const backoff = event.attempt > 1 ? records.timers.get(childRetryTimerOf(event.stepId, event.attempt)) : undefined;
        const attempt: AttemptRecord = backoff
          ? { attempt: event.attempt, queuedAt: backoff.createdAt, dueAt: backoff.fireAt, outcome: "open" }
          : { attempt: event.attempt, queuedAt: event.at, outcome: "open" };
        const record = records.activities.get(event.stepId);
        if (record && event.attempt > 1) record.attempts.push(attempt);
        else records.activities.set(event.stepId, { input: event.input, attempts: [attempt] });
        break;
      }
      case "child_started": {
        const attempt = attemptOf(records, event.stepId, event.attempt);
        if (attempt) Object.assign(attempt, { startedAt: event.at, childId: event.childId });
        break;
      }
      case "child_completed": {
        const attempt = attemptOf(records, event.stepId, event.attempt);
        if (attempt && attempt.outcome === "open") {
          Object.assign(attempt, { outcome: "completed", endedAt: event.at });
          records.activities.get(event.stepId)!.output = event.output;
        }
        break;
      }
      case "child_failed":
      case "child_terminated": {
        const attempt = attemptOf(records, event.stepId, event.attempt);
        if (attempt && attempt.outcome === "open") Object.assign(attempt, { outcome: "failed", endedAt: event.at, error: childError(event) });
        break;
      }
      case "timer_created":
        records.timers.set(event.timerId, { purpose: event.purpose, createdAt: event.at, fireAt: event.fireAt });
        break;
      case "timer_fired": {
        const timer = records.timers.get(event.timerId);
        if (timer) timer.firedAt ??= event.at;
        break;
      }
      case "event_wait_started":
        records.waits.set(event.waitId, {
          event: event.event,
          startedAt: event.at,
          ...(event.timeoutAt ? { timeoutAt: event.timeoutAt } : {}),
          ...(event.approval ? { approval: event.approval } : {}),
        });
        break;
      case "event_raised":
        raised.set(event.seq, event.payload);
        break;
      case "event_consumed": {
        const wait = records.waits.get(event.waitId);
        if (wait) Object.assign(wait, { consumedAt: event.at, payload: raised.get(event.raisedSeq) ?? null });
        break;
      }
      case "choice_recorded": {
        const { type: _type, seq: _seq, key, node: _node, ...choice } = event;
        if (!records.choices.has(key)) records.choices.set(key, []);
        records.choices.get(key)!.push(choice);
        break;
      }
      case "suspended":
        records.suspended = true;
        break;
      case "resumed":
        records.suspended = false;
        break;
      case "execution_completed":
        end(records, "completed", event.at);
        break;
      case "execution_failed":
        end(records, "failed", event.at);
        records.failure = event.error;
        break;
      case "terminated":
        end(records, "terminated", event.at);
        break;
      case "continued_as_new":
        end(records, "continued_as_new", event.at);
        break;
      default:
        break;
    }
  }
  return records;
}

function attemptOf(records: HistoryRecords, activityId: string, attempt: number): AttemptRecord | undefined {
  return records.activities.get(activityId)?.attempts.find((a) => a.attempt === attempt);
}

function end(records: HistoryRecords, ending: Ending, at: string) {
  if (records.ending) return;
  records.ending = ending;
  records.endedAt = at;
}
