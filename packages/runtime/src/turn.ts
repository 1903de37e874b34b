/**
 * One decision turn of an instance, planned without I/O: inbox messages become history events,
 * the engine decides, and the commands become tasks and timers to store in the same transaction.
 */
import { createHash } from "node:crypto";
import type { Definition } from "@flowcraft/definition";
import {
  decide,
  eventsToCarry,
  followWaitChanges,
  HistoryIndex,
  isWaiting,
  openWaitStarts,
  summarize,
  takeWaitChanges,
  TERMINAL_STATUSES,
  timeoutTimerOf,
  type Evaluator,
  type Facts,
  type HistoryEvent,
  type HistoryEventBody,
  type InstanceSummary,
  type Json,
  type WaitChanges,
  type WorkflowError,
} from "@flowcraft/engine";
import { isoTime } from "./iso-time.ts";

/**
 * Something that happened to an instance, for its next decision turn: from its inbox, with the
 * row's id, or an activity result handed over in memory by the worker that ran it.
 */
export type TurnMessage = { id?: number } & (
  /** `traceparent` (here and on events): the traced request that queued it (tracing.ts). */
  | { kind: "start"; data: { traceparent?: string } }
  | {
      kind: "activity_result";
      data: {
        generation: number;
        activityId: string;
        attempt: number;
        worker: string;
        startedAt: string;
        finishedAt: string;
        output?: Json;
        error?: WorkflowError;
        /** What a failed attempt last gave heartbeat(): the retry starts from it. */
        heartbeatDetails?: Json;
        /** The attempt's span, when traced: the next turn continues its trace (tracing.ts). */
        traceparent?: string;
      };
    }
  | { kind: "timer"; data: { generation: number; timerId: string } }
  | {
      kind: "event";
      data: {
        eventId: string;
        name: string;
        payload: Json;
        raisedBy?: string;
        waitId?: string;
        /** The generation whose wait `waitId` names: a decision made for an earlier run is void. */
        generation?: number;
        traceparent?: string;
      };
    }
  | { kind: "child"; data: ChildReport }
  | { kind: "suspend" | "resume" | "terminate"; data: { reason?: string; by?: string } }
  /** Has the turn store all the instance waits on, not only what it changes: queued for instances in flight when open_wait was added. */
  | { kind: "record_waits"; data: Record<string, never> }
);

/**
 * What became of a child that a sub-workflow step asked for, reported to the parent: written by
 * the turn that started it (or found it could not) and by the child's ending turn.
 */
export type ChildReport = {
  /** The parent's generation that started the child: a report to an earlier one is void. */
  generation: number;
  stepId: string;
  attempt: number;
} & (
  | { outcome: "started"; childId: string; workflowVersion: number }
  | (ChildEnd & { childId: string })
  /** No child could be started (see storeTurns). */
  | { outcome: "failed"; error: WorkflowError }
);

/** How a child ended, as its ending turn reports it. */
export type ChildEnd = { outcome: "completed"; output: Json } | { outcome: "failed"; error: WorkflowError } | { outcome: "terminated"; reason?: string };

/** A message for an instance, as stored in its inbox. */
export type InboxMessage = TurnMessage & { id: number };

export type InboxMessageKind = InboxMessage["kind"];

/** An activity's result as a turn takes it, from the inbox or straight from this worker's runner. */
export type ActivityResult = Extract<TurnMessage, { kind: "activity_result" }>["data"];

export interface InstanceState {
  id: string;
  workflowName: string;
  workflowVersion: number;
  generation: number;
  lastSeq: number;
  summary: InstanceSummary;
}

/** One attempt of an activity, as queued for the workers. */
export interface ActivityTask {
  instanceId: string;
  generation: number;
  activityId: string;
  activity: string;
  node: string;
  input: Json;
  attempt: number;
  timeoutSeconds: number;
  heartbeatTimeoutSeconds?: number;
  /** What the last run of this activity gave heartbeat(), for this one to resume from. */
  heartbeatDetails?: Json;
  /** The span of the turn that scheduled it, when traced: the attempt continues its trace (tracing.ts). */
  traceparent?: string;
}

export interface NewTask extends ActivityTask {
  /** When a worker may take it: now, or after a retry's backoff. */
  visibleAt: string;
  /** Stored already leased to the deciding worker, which runs it at once (eager dispatch). */
  leased?: boolean;
  /**
   * Not leased, though the deciding worker runs its activity: it had no room for it now. That
   * worker claims it first (see STICKY_TASK_SECONDS), so its result is handed over in memory.
   */
  sticky?: boolean;
}

/** A child instance a sub-workflow step asked for, created with the turn (see storeTurns). */
export interface NewChild {
  /** Derived from the parent, its generation, the step's place and the attempt: a repeated turn asks for the same child. */
  childId: string;
  parentInstanceId: string;
  parentGeneration: number;
  stepId: string;
  node: string;
  attempt: number;
  workflow: string;
  /** null: the latest version when the turn is stored. */
  version: number | null;
  input: Json;
  terminateWithParent: boolean;
  /** The span of the turn that asked for it, when traced: the child's first turn continues its trace. */
  traceparent?: string;
}

export interface NewTimer {
  instanceId: string;
  generation: number;
  timerId: string;
  fireAt: string;
}

export interface Turn {
  instanceId: string;
  generation: number;
  lastSeq: number;
  summary: InstanceSummary;
  /** New history events, each with the generation it belongs to. */
  events: Array<HistoryEvent & { generation: number }>;
  tasks: NewTask[];
  timers: NewTimer[];
  children: NewChild[];
  /** Timers set by earlier turns that this turn made pointless: removed with it. */
  cancelledTimers: Array<Omit<NewTimer, "fireAt">>;
  /** Generations that ended in this turn by continuing as new, with their ranges of history. */
  endedGenerations: EndedGeneration[];
  /** The instance ended in this turn: its queued tasks and timers can go. */
  ended: boolean;
  /** After this turn, the instance waits on an event or a timer. */
  waiting: boolean;
  /** What the instance waits on that the turn changed, in the generation the turn leaves it in. */
  waits: WaitChanges;
}

/** A generation left behind by a continue-as-new: its events are `firstSeq` to `lastSeq`. */
export interface EndedGeneration {
  instanceId: string;
  generation: number;
  firstSeq: number;
  lastSeq: number;
  endedAt: string;
}

/** A planned turn, with the history of the generation it leaves the instance in, for the next turn. */
export interface PlannedTurn extends Turn {
  history: HistoryIndex;
}

/**
 * Plans a turn. Given a HistoryIndex, the turn's events are appended to it: a caller that keeps
 * it for the next turn must drop it if the turn is not stored.
 */
export async function planTurn(
  instance: InstanceState,
  definition: Definition,
  history: readonly HistoryEvent[] | HistoryIndex,
  messages: readonly TurnMessage[],
  now: Date,
  /** Where the definition's expressions are evaluated: the worker's sandbox; in this process unless given. */
  evaluate?: Evaluator,
): Promise<PlannedTurn> {
  let generation = instance.generation;
  let seq = instance.lastSeq;
  let current = history instanceof HistoryIndex ? history : new HistoryIndex(history);
  const turn: Turn = { instanceId: instance.id, generation, lastSeq: seq, summary: instance.summary, events: [], tasks: [], timers: [], children: [], cancelledTimers: [], endedGenerations: [], ended: false, waiting: false, waits: noWaitChanges() };
  const nowText = isoTime(now.getTime());
  // Each body is made for its call, and stamped in place. A spread copy that gains keys costs
  // V8 a hidden class per event (see the engine's childScope), so the row copy puts its new key first.
  const append = (body: HistoryEventBody, at = nowText) => {
    const event = Object.assign(body, { seq: ++seq, at }) as HistoryEvent;
    current.append([event]);
    turn.events.push({ generation, ...event });
  };

  const facts = current.facts;
  followWaitChanges(facts);
  let recordAllWaits = false;
  let ended = facts.ended;
  let suspended = facts.suspended;
  const applied = new Set<string>();
  // Attempts that failed in this turn, by activity: what they last gave heartbeat(), for their
  // retries, which the engine asks for in the same turn. (A turn that only records the failure,
  // its instance suspended, leaves the retry to start afresh.)
  const checkpoints = new Map<string, Json>();
  for (const message of messages) {
    if (ended) break;
    switch (message.kind) {
      case "start":
        break;
      case "activity_result": {
        const { data } = message;
        const activity = facts.activities.get(data.activityId);
        const key = `${data.activityId}#${data.attempt}`;
        // Late or repeated results (an old generation, a re-run after a lease expired) change nothing.
        if (data.generation !== generation || !activity || activity.completed || activity.failed || activity.attempt !== data.attempt || applied.has(key)) break;
        applied.add(key);
        // One event per result, not an activity_started before it: a history row per step fewer.
        const run = { startedAt: data.startedAt, worker: data.worker };
        if (data.error) {
          append({ type: "activity_failed", activityId: data.activityId, attempt: data.attempt, error: data.error, ...run }, data.finishedAt);
          if (data.heartbeatDetails !== undefined) checkpoints.set(data.activityId, data.heartbeatDetails);
        } else {
          append({ type: "activity_completed", activityId: data.activityId, attempt: data.attempt, output: data.output ?? null, ...run }, data.finishedAt);
        }
        break;
      }
      case "timer": {
        const timer = facts.timers.get(message.data.timerId);
        if (message.data.generation !== generation || !timer || timer.firedSeq !== undefined || applied.has(`timer:${message.data.timerId}`)) break;
        applied.add(`timer:${message.data.timerId}`);
        append({ type: "timer_fired", timerId: message.data.timerId });
        break;
      }
      case "event": {
        const { eventId, name, payload, raisedBy, waitId } = message.data;
        // A retried raise with the same eventId is a no-op, even after the first one was consumed
        // (those recorded in an earlier generation the claim drops already: see raised_event).
        if (facts.raisedIds.has(eventId)) break;
        // Checked when it was made, but the instance may have continued as new since, with a wait of the same id.
        if (message.data.generation !== undefined && message.data.generation !== generation) break;
        append({ type: "event_raised", eventId, name, payload, ...(raisedBy ? { raisedBy } : {}), ...(waitId ? { waitId } : {}) });
        break;
      }
      case "child": {
        const event = childEventOf(message.data, facts, generation);
        if (event) append(event);
        break;
      }
      case "suspend":
        if (!suspended) append({ type: "suspended", ...message.data });
        suspended = true;
        break;
      case "resume":
        if (suspended) append({ type: "resumed", ...message.data });
        suspended = false;
        break;
      case "terminate":
        append({ type: "terminated", ...message.data });
        ended = true;
        break;
      case "record_waits":
        recordAllWaits = true;
        break;
    }
  }

  while (!ended && !suspended) {
    const decision = await decide(definition, current, now, evaluate);
    for (const event of decision.events) {
      seq = event.seq;
      turn.events.push({ generation, ...event });
    }
    let continued: Extract<(typeof decision.commands)[number], { type: "continue_as_new" }> | undefined;
    for (const command of decision.commands) {
      if (command.type === "schedule_activity" || command.type === "retry_activity") {
        const delaySeconds = command.type === "retry_activity" ? command.delaySeconds : 0;
        const checkpoint = command.type === "retry_activity" ? checkpoints.get(command.activityId) : undefined;
        turn.tasks.push({
          instanceId: instance.id,
          generation,
          activityId: command.activityId,
          activity: command.activity,
          node: command.node,
          input: command.input,
          attempt: command.attempt,
          timeoutSeconds: command.timeoutSeconds,
          ...(command.heartbeatTimeoutSeconds !== undefined ? { heartbeatTimeoutSeconds: command.heartbeatTimeoutSeconds } : {}),
          ...(checkpoint !== undefined ? { heartbeatDetails: checkpoint } : {}),
          visibleAt: isoTime(now.getTime() + delaySeconds * 1000),
        });
      } else if (command.type === "start_child") {
        turn.children.push({
          childId: childIdOf(instance.id, generation, command.stepId, command.attempt),
          parentInstanceId: instance.id,
          parentGeneration: generation,
          stepId: command.stepId,
          node: command.node,
          attempt: command.attempt,
          workflow: command.workflow,
          version: command.version === "latest" ? null : command.version,
          input: command.input,
          terminateWithParent: command.terminateWithParent,
        });
      } else if (command.type === "start_timer") {
        const fireAt = new Date(now.getTime() + command.delaySeconds * 1000).toISOString();
        turn.timers.push({ instanceId: instance.id, generation, timerId: command.timerId, fireAt });
      } else if (command.type === "continue_as_new") {
        continued = command;
      } else if (command.type === "complete" || command.type === "fail") {
        ended = true;
      }
    }
    if (!continued) break;
    // A fresh generation: events raised but not consumed yet, that a wait may take, are carried over to it.
    const { carried, dropped } = eventsToCarry(definition, current.facts.unconsumed.values());
    turn.endedGenerations.push({ instanceId: instance.id, generation, firstSeq: current.facts.started?.seq ?? 1, lastSeq: seq, endedAt: now.toISOString() });
    generation += 1;
    current = new HistoryIndex();
    followWaitChanges(current.facts);
    append({
      type: "execution_started",
      workflowName: instance.workflowName,
      workflowVersion: instance.workflowVersion,
      input: continued.input,
      generation,
      resume: continued.resume,
      ...(dropped > 0 ? { uncarriedEvents: dropped } : {}),
    });
    for (const { seq: _seq, at: _at, ...raised } of carried) append(raised);
  }

  dropAnsweredTimeouts(turn, facts, instance);
  turn.generation = generation;
  turn.lastSeq = seq;
  turn.ended = ended;
  turn.waiting = !ended && isWaiting(current.facts);
  // An ended instance waits on nothing: the store removes all it waited on.
  const changes = takeWaitChanges(current.facts);
  if (!ended) turn.waits = recordAllWaits ? { opened: openWaitStarts(current.facts), closed: changes.closed } : changes;
  const started = instance.summary.runtimeStatus === "PENDING" ? { ...instance.summary, runtimeStatus: "RUNNING" as const } : instance.summary;
  turn.summary = summarize(turn.events, started);
  return Object.assign(turn, { history: current });
}

/**
 * The history event a child report makes, or null when it changes nothing: it is about another
 * generation, an attempt the step has left behind, or a child already heard of.
 */
function childEventOf(report: ChildReport, facts: Facts, generation: number): HistoryEventBody | null {
  const child = facts.children.get(report.stepId);
  if (report.generation !== generation || !child || child.scheduled.attempt !== report.attempt || child.completed || child.failed) return null;
  const { stepId, attempt } = report;
  switch (report.outcome) {
    case "started":
      return child.started ? null : { type: "child_started", stepId, attempt, childId: report.childId, workflowVersion: report.workflowVersion };
    case "completed":
      return { type: "child_completed", stepId, attempt, childId: report.childId, output: report.output };
    case "failed":
      return { type: "child_failed", stepId, attempt, ...("childId" in report ? { childId: report.childId } : {}), error: report.error };
    case "terminated":
      return { type: "child_terminated", stepId, attempt, childId: report.childId, ...(report.reason ? { reason: report.reason } : {}) };
  }
}

/**
 * The id of the child a sub-workflow step's attempt starts: the same for every turn that asks for
 * it, so that a repeated or replayed turn never starts a second child, and an id the API accepts
 * whatever the step's place holds (a map iteration's brackets).
 */
function childIdOf(parentId: string, generation: number, stepId: string, attempt: number): string {
  const hash = createHash("sha256").update(JSON.stringify([parentId, generation, stepId, attempt])).digest("hex");
  return `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
}

/**
 * A wait answered in this turn needs its timeout no more: one set in this very turn is not
 * stored, and one stored before is removed with the turn, so that it does not fall due later and
 * cost a claim and a replay that change nothing. `facts`: those of the generation the turn began
 * in, extended by the turn's events; `lastSeq`: where the instance stood before the turn.
 */
function dropAnsweredTimeouts(turn: Turn, facts: Facts, { generation, lastSeq }: InstanceState) {
  const key = (generation: number, timerId: string) => `${generation}:${timerId}`;
  const answered = turn.events.flatMap((e) => (e.type === "event_consumed" ? [{ generation: e.generation, timerId: timeoutTimerOf(e.waitId) }] : []));
  if (answered.length === 0) return;
  const answeredKeys = new Set(answered.map((a) => key(a.generation, a.timerId)));
  turn.timers = turn.timers.filter((t) => !answeredKeys.has(key(t.generation, t.timerId)));
  for (const answer of answered) {
    const timer = answer.generation === generation ? facts.timers.get(answer.timerId) : undefined;
    // Stored before this turn and not fired (one that fired in this turn, which the facts already
    // hold, left the inbox with the message that said so).
    const storedBefore = timer !== undefined && timer.created.seq <= lastSeq;
    if (storedBefore && timer.firedSeq === undefined) turn.cancelledTimers.push({ instanceId: turn.instanceId, ...answer });
  }
}

/**
 * A turn that fails the instance: planning threw, which is a defect in the engine or a definition
 * the engine cannot run. It cannot succeed on a retry (planning has no I/O), so the instance
 * fails with the reason instead of being retried forever.
 */
export function failedTurn(instance: InstanceState, error: unknown, now: Date): Turn {
  return failingTurn(instance, { name: "InternalError", message: `the engine could not run this instance: ${(error as Error)?.message ?? String(error)}` }, now);
}

/**
 * A turn that quarantines the instance: `claims` claims in a row ended without a stored turn, so
 * whatever a turn of it does takes its workers down, holds them up, or cannot be stored. It is
 * failed without a look at its history, which may be the very cause, and no worker claims it again.
 */
export function quarantinedTurn(instance: InstanceState, claims: number, now: Date): Turn {
  // Ended already (its inbox held only what an ended instance ignores): nothing to fail, only messages to drop.
  if (TERMINAL_STATUSES.has(instance.summary.runtimeStatus)) {
    return { instanceId: instance.id, generation: instance.generation, lastSeq: instance.lastSeq, summary: instance.summary, events: [], tasks: [], timers: [], children: [], cancelledTimers: [], endedGenerations: [], ended: true, waiting: false, waits: noWaitChanges() };
  }
  const message =
    `quarantined: ${claims} workers in a row claimed this instance and stored no turn of it (each crashed, stalled or had its turn refused by the database), ` +
    "so it is failed rather than claimed again; the workers' logs say what happened";
  return failingTurn(instance, { name: "Quarantined", message }, now);
}

function failingTurn(instance: InstanceState, failure: WorkflowError, now: Date): Turn {
  const event = { type: "execution_failed", error: failure, seq: instance.lastSeq + 1, at: now.toISOString() } as const;
  return {
    instanceId: instance.id,
    generation: instance.generation,
    lastSeq: event.seq,
    summary: { ...instance.summary, runtimeStatus: "FAILED", failure },
    events: [{ ...event, generation: instance.generation }],
    tasks: [],
    timers: [],
    children: [],
    cancelledTimers: [],
    endedGenerations: [],
    ended: true,
    waiting: false,
    waits: noWaitChanges(),
  };
}

const noWaitChanges = (): WaitChanges => ({ opened: [], closed: [] });
