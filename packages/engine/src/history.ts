/**
 * History events: every state change of an instance is one of these, appended with a per-instance
 * sequence number. Replaying the same events through the engine always yields the same state.
 * The web timeline renders this union as it is.
 */
import type { Json } from "./json.ts";

/** An error as recorded in history and returned by the API. */
export interface WorkflowError {
  /** Kind of error: ActivityFailed, ActivityTimeout, HeartbeatTimeout, WorkerLost, Timeout, ExpressionError, InvalidOutput, NoChoiceMatched, Quarantined, InternalError, or a fail node's name. */
  name: string;
  message: string;
  /** The node where it happened. */
  node?: string;
  /** Attempts made, for an activity that gave up. */
  attempts?: number;
  details?: Json;
  /** Set by an activity whose failure another attempt cannot change: its step is not retried. */
  nonRetryable?: boolean;
}

/** Where a new generation (after continue-as-new) picks up: a monitor's next check. */
export interface Resume {
  node: string;
  /** Loop state for this check. */
  state: Json;
  /** 1-based number of this check. */
  iteration: number;
  /** Outputs of the top-level steps that ran before the monitor. */
  steps: Record<string, Json>;
}

/** A human approval as recorded when its wait starts. */
export interface ApprovalRequest {
  /** The approval's summary expression, evaluated when the wait started. */
  summary: Json;
  approvers?: string[];
  groups?: string[];
  /** The person who started the instance may not decide. */
  excludeStarter?: boolean;
}

/**
 * How an instance re-runs another: from its failed step (the steps before it keep their recorded
 * outputs), from the start with the same input, or from the start on another definition version.
 */
export const RERUN_KINDS = ["retry_failed", "from_start", "on_version"] as const;
export type RerunKind = (typeof RERUN_KINDS)[number];

/**
 * What a recorded choice settled: a value the instance's path or data depends on, computed by an
 * expression. A choice is evaluated once, when the instance first reaches it, and every later
 * replay reads it back: a replay can never take another path, whatever a newer
 * engine or expression library would compute, and a fan-out does not re-list its items per turn.
 */
export type Choice =
  | {
      /** The branch a decision took. */
      of: "branch";
      /** Index of the choice whose `when` held; null for the default, or when nothing matched. */
      choice: number | null;
      /** The node it went on to; null when no choice matched and there is no default (the step fails). */
      next: string | null;
      /** What the chosen `when` yielded: the value that decided it. */
      value?: Json;
    }
  | { /** The items a map iterates over. */ of: "items"; items: Json[] }
  | { /** What an end node inside a container yielded: the output of its branch or iteration. */ of: "output"; output: Json }
  | { /** A monitor's loop state before its first check. */ of: "state"; state: Json }
  | {
      /** A monitor's check after its body: the next loop state and whether to stop. */
      of: "check";
      iteration: number;
      nextState: Json;
      stop: boolean;
    };

export type ChoiceKind = Choice["of"];

/** Why a timer exists; the timeline draws each purpose in its own way. */
export type TimerPurpose = "delay" | "wait_timeout" | "monitor_interval" | "child_retry";

/**
 * The event kinds, with the release that introduced each. Kinds are never renamed or reused:
 * stored histories must replay on every later version.
 */
export const HISTORY_EVENT_TYPES = {
  /** v1: the instance (or a new generation of it) started with this input. */
  execution_started: "v1",
  /** v1: an activity's first attempt was queued. */
  activity_scheduled: "v1",
  /**
   * v1: a worker picked up an attempt. Written until v4, which records when the attempt started
   * and who ran it on its result instead: histories stored before still hold it.
   */
  activity_started: "v1",
  /** v1: an attempt returned; recorded exactly once per activity. v4: with startedAt and worker. */
  activity_completed: "v1",
  /** v1: an attempt threw or timed out. v4: with startedAt and worker. */
  activity_failed: "v1",
  /** v1: a failed activity will be tried again after a delay. */
  activity_retrying: "v1",
  /** v1: a durable timer was set. */
  timer_created: "v1",
  /** v1: a durable timer fired. */
  timer_fired: "v1",
  /** v1: a wait node began waiting for a named event. */
  event_wait_started: "v1",
  /** v1: an external event arrived (kept until a wait consumes it). */
  event_raised: "v1",
  /** v1: a wait node took a raised event as its output. */
  event_consumed: "v1",
  /** v1: a node set the instance's custom status. */
  custom_status_set: "v1",
  /** v1: an operator paused the instance. */
  suspended: "v1",
  /** v1: an operator resumed the instance. */
  resumed: "v1",
  /** v1: an operator ended the instance. */
  terminated: "v1",
  /** v1: an operator re-ran this ended instance as a new one; changes nothing in this instance. */
  rerun_requested: "v1",
  /** v2: a choice (a decision's branch, a map's items, an end's output inside a container, a monitor's state or check) was made; replays read it. */
  choice_recorded: "v2",
  /** v3: a sub-workflow step asked for a child instance (one per attempt). */
  child_scheduled: "v3",
  /** v3: the child instance was created, of the version recorded here. */
  child_started: "v3",
  /** v3: the child completed; its output is the step's. */
  child_completed: "v3",
  /** v3: the child failed, or could not be started; the step fails unless it retries. */
  child_failed: "v3",
  /** v3: the child was terminated; the step fails unless it retries. */
  child_terminated: "v3",
  /** v1: a monitor restarted the instance with fresh history. */
  continued_as_new: "v1",
  /** v1: the instance finished with an output. */
  execution_completed: "v1",
  /** v1: the instance failed with an error. */
  execution_failed: "v1",
} as const;

export type HistoryEventType = keyof typeof HISTORY_EVENT_TYPES;

/**
 * When an attempt started and which worker ran it, recorded on its result: one event per result
 * rather than an activity_started before it. Absent in histories stored before v4.
 */
export interface AttemptRun {
  startedAt?: string;
  worker?: string;
}

/** An event as the engine or the runtime produces it, before it is numbered and stamped. */
export type HistoryEventBody =
  | {
      type: "execution_started";
      workflowName: string;
      workflowVersion: number;
      input: Json;
      generation: number;
      resume?: Resume;
      /** Who started the instance (absent when started without an account). */
      startedBy?: string;
      /** Set when an operator re-ran another instance; the copied history follows this event. */
      origin?: { instanceId: string; kind: RerunKind; by?: string };
      /**
       * After a continue-as-new: how many events the previous generation left unconsumed and this
       * one did not inherit, since no wait takes their name or they were over the bound (see
       * eventsToCarry). The events it did inherit follow this one.
       */
      uncarriedEvents?: number;
      /** Set for a child instance: the instance and step that started it. */
      parent?: { instanceId: string; node: string };
    }
  | { type: "activity_scheduled"; activityId: string; node: string; activity: string; input: Json; attempt: number }
  | { type: "activity_started"; activityId: string; attempt: number; worker: string }
  | ({ type: "activity_completed"; activityId: string; attempt: number; output: Json } & AttemptRun)
  | ({ type: "activity_failed"; activityId: string; attempt: number; error: WorkflowError } & AttemptRun)
  | { type: "activity_retrying"; activityId: string; attempt: number; delaySeconds: number; retryAt: string }
  | {
      type: "child_scheduled";
      /** The step's place, as an activity's id: a map iteration's step has its own. */
      stepId: string;
      node: string;
      workflow: string;
      /** As the step asks for it; child_started records the version resolved. */
      version: number | "latest";
      input: Json;
      attempt: number;
    }
  | { type: "child_started"; stepId: string; attempt: number; childId: string; workflowVersion: number }
  | { type: "child_completed"; stepId: string; attempt: number; childId: string; output: Json }
  | { type: "child_failed"; stepId: string; attempt: number; /** Absent when no child could be started. */ childId?: string; error: WorkflowError }
  | { type: "child_terminated"; stepId: string; attempt: number; childId: string; reason?: string }
  | { type: "timer_created"; timerId: string; node: string; purpose: TimerPurpose; fireAt: string }
  | { type: "timer_fired"; timerId: string }
  | {
      type: "event_wait_started";
      waitId: string;
      node: string;
      event: string;
      timeoutAt?: string;
      /** Present when the wait is a human approval: what the approvers see and who they are. */
      approval?: ApprovalRequest;
    }
  | {
      type: "event_raised";
      eventId: string;
      name: string;
      payload: Json;
      raisedBy?: string;
      /** Addressed to one wait (an approval decision): no other wait may take it. */
      waitId?: string;
    }
  | { type: "event_consumed"; waitId: string; node: string; name: string; raisedSeq: number }
  | { type: "custom_status_set"; key: string; node: string; value: Json }
  | ({ type: "choice_recorded"; key: string; node: string } & Choice)
  | { type: "suspended"; reason?: string; by?: string }
  | { type: "resumed"; reason?: string; by?: string }
  | { type: "terminated"; reason?: string; by?: string }
  | { type: "rerun_requested"; rerunInstanceId: string; kind: RerunKind; workflowVersion: number; by?: string }
  | { type: "continued_as_new"; input: Json; resume: Resume }
  | { type: "execution_completed"; output: Json }
  | { type: "execution_failed"; error: WorkflowError };

/** A recorded event: numbered in its instance and stamped with the time it was appended. */
export type HistoryEvent = HistoryEventBody & {
  seq: number;
  /** ISO 8601 time the event was appended. */
  at: string;
};

export type HistoryEventOf<T extends HistoryEventType> = Extract<HistoryEvent, { type: T }>;
