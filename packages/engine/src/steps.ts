/** Interpreting the leaf nodes: activity, timer, wait, decision, end and fail. */
import {
  DEFAULT_ACTIVITY_TIMEOUT_SECONDS,
  MAX_DURATION_SECONDS,
  type ActivityNode,
  type DecisionNode,
  type Duration,
  type EndNode,
  type FailNode,
  type TimerNode,
  type WaitNode,
} from "@flowcraft/definition";
import { ExpressionError } from "./expression.ts";
import type { Choice } from "./history.ts";
import { fail, PENDING, recordChoice, recordedChoice, type Outcome, type Run } from "./interpreter.ts";
import type { Json } from "./json.ts";
import { timeoutTimerOf } from "./open-waits.ts";
import { maxAttemptsOf, retryDelaySeconds } from "./retry.ts";
import { contextOf, type Scope } from "./scope.ts";

export async function runActivity(run: Run, id: string, node: ActivityNode, scope: Scope, prefix: string): Promise<Outcome> {
  const key = prefix + id;
  const facts = run.facts.activities.get(key);
  const timeoutSeconds = node.timeout ?? DEFAULT_ACTIVITY_TIMEOUT_SECONDS;
  const heartbeat = node.heartbeatTimeout !== undefined ? { heartbeatTimeoutSeconds: node.heartbeatTimeout } : {};
  if (!facts) {
    const input = node.input ? await run.evaluate(node.input, contextOf(scope)) : null;
    run.commands.push({ type: "schedule_activity", activityId: key, node: id, activity: node.activity, input, attempt: 1, timeoutSeconds, ...heartbeat });
    run.trace.set(key, { node: id, status: "running" });
    return PENDING;
  }
  if (facts.completed) return { kind: "done", output: facts.completed.output, at: facts.completed.seq };
  if (facts.failed) {
    const attempt = facts.attempt;
    if (attempt < maxAttemptsOf(node.retry) && !facts.failed.error.nonRetryable) {
      run.commands.push({
        type: "retry_activity",
        activityId: key,
        node: id,
        activity: node.activity,
        input: facts.scheduled.input,
        attempt: attempt + 1,
        delaySeconds: retryDelaySeconds(node.retry, attempt),
        timeoutSeconds,
        ...heartbeat,
      });
      run.trace.set(key, { node: id, status: "retrying" });
      return PENDING;
    }
    return { kind: "error", error: { ...facts.failed.error, node: id, attempts: attempt }, at: facts.failed.seq };
  }
  run.trace.set(key, { node: id, status: facts.attempt > 1 ? "retrying" : "running" });
  return PENDING;
}

export async function runTimer(run: Run, id: string, node: TimerNode, scope: Scope, prefix: string, previous: Json): Promise<Outcome> {
  const key = prefix + id;
  const timer = run.facts.timers.get(key);
  if (!timer) {
    const delaySeconds = await secondsOf(run, node.duration, scope, "duration");
    run.commands.push({ type: "start_timer", timerId: key, node: id, purpose: "delay", delaySeconds });
  } else if (timer.firedSeq !== undefined) {
    return { kind: "done", output: previous, at: timer.firedSeq };
  }
  run.trace.set(key, { node: id, status: "waiting" });
  return PENDING;
}

export async function runWait(run: Run, id: string, node: WaitNode, scope: Scope, prefix: string, at: number): Promise<Outcome> {
  const key = prefix + id;
  const timerId = timeoutTimerOf(key);
  if (!run.facts.waits.has(key)) {
    const timeoutSeconds = node.timeout !== undefined ? await secondsOf(run, node.timeout, scope, "timeout") : undefined;
    const approval = node.approval && {
      summary: node.approval.summary ? await run.evaluate(node.approval.summary, contextOf(scope)) : null,
      ...(node.approval.approvers ? { approvers: node.approval.approvers } : {}),
      ...(node.approval.groups ? { groups: node.approval.groups } : {}),
      ...(node.approval.excludeStarter ? { excludeStarter: true } : {}),
    };
    run.commands.push({
      type: "wait_for_event",
      waitId: key,
      node: id,
      event: node.event,
      ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
      ...(approval ? { approval } : {}),
    });
    if (timeoutSeconds !== undefined) {
      run.commands.push({ type: "start_timer", timerId, node: id, purpose: "wait_timeout", delaySeconds: timeoutSeconds });
    }
  }
  const consumed = run.facts.consumed.get(key);
  if (consumed) return { kind: "done", output: consumed.payload, at: Math.max(consumed.seq, at) };
  const firedSeq = run.facts.timers.get(timerId)?.firedSeq;
  // An event raised before the wait began is kept for it; one raised after the timeout fired is not.
  // An event addressed to another wait of the same name is that wait's alone. An approval takes
  // only a decision addressed to it, which the runtime records after checking who decides: an
  // event raised by name, early or not, says nothing about who may decide. (A consumption already
  // in history stands, above, whatever was raised.)
  const candidate = find(
    run.facts.unconsumed.values(),
    (event) =>
      event.name === node.event &&
      (event.waitId === key || (event.waitId === undefined && !node.approval)) &&
      !run.claimed.has(event.seq) &&
      (firedSeq === undefined || event.seq < firedSeq),
  );
  if (candidate) {
    run.claimed.add(candidate.seq);
    run.commands.push({ type: "consume_event", waitId: key, node: id, name: node.event, raisedSeq: candidate.seq });
    return { kind: "done", output: candidate.payload, at: Math.max(candidate.seq, at) };
  }
  if (firedSeq !== undefined) {
    if (node.onTimeout) return { kind: "done", output: null, next: node.onTimeout, at: firedSeq };
    return fail("Timeout", `no "${node.event}" event arrived before the timeout`, id, firedSeq);
  }
  run.trace.set(key, { node: id, status: "waiting" });
  return PENDING;
}

export async function runDecision(run: Run, id: string, node: DecisionNode, scope: Scope, prefix: string, previous: Json, at: number): Promise<Outcome> {
  const key = prefix + id;
  const { next } = recordedChoice(run, key, "branch") ?? recordChoice(run, key, id, await chooseBranch(run, node, scope));
  if (next === null) return fail("NoChoiceMatched", "no choice was true and the decision has no default", id, at);
  return { kind: "done", output: previous, next, at };
}

/** The first choice whose `when` holds, else the default; evaluated once per place, then recorded. */
async function chooseBranch(run: Run, node: DecisionNode, scope: Scope): Promise<Extract<Choice, { of: "branch" }>> {
  for (const [index, choice] of node.choices.entries()) {
    const value = await run.evaluate(choice.when, contextOf(scope));
    if (isTruthy(value)) return { of: "branch", choice: index, next: choice.next, value };
  }
  return { of: "branch", choice: null, next: node.default ?? null };
}

/**
 * An end node yields its output expression, or the previous step's output. Inside a container
 * the output is recorded, since the container's later turns read it again; at the top level it
 * ends the instance, and the completion records it.
 */
export async function runEnd(run: Run, id: string, node: EndNode, scope: Scope, prefix: string, previous: Json, at: number): Promise<Outcome> {
  if (!node.output) return { kind: "done", output: previous, next: null, at };
  const key = prefix + id;
  const nested = run.definition.nodes[id] !== node;
  const recorded = nested ? recordedChoice(run, key, "output") : undefined;
  if (recorded) return { kind: "done", output: recorded.output, next: null, at };
  const output = await run.evaluate(node.output, contextOf(scope));
  if (nested) recordChoice(run, key, id, { of: "output", output });
  return { kind: "done", output, next: null, at };
}

export async function runFail(run: Run, id: string, node: FailNode, scope: Scope, at: number): Promise<Outcome> {
  const caught = scope.error;
  const message = node.message ? await run.evaluate(node.message, contextOf(scope)) : null;
  return {
    kind: "error",
    error: {
      ...caught,
      name: node.error ?? caught?.name ?? "WorkflowFailed",
      message: message === null ? (caught?.message ?? `the workflow failed at "${id}"`) : typeof message === "string" ? message : JSON.stringify(message),
      node: caught?.node ?? id,
    },
    at,
  };
}

function find<T>(values: Iterable<T>, test: (value: T) => boolean): T | undefined {
  for (const value of values) if (test(value)) return value;
  return undefined;
}

/** JSONata's notion of truth: empty strings, zero, null, false and empty lists are false. */
export function isTruthy(value: Json): boolean {
  if (Array.isArray(value)) return value.some(isTruthy);
  if (value !== null && typeof value === "object") return Object.keys(value).length > 0;
  return Boolean(value);
}

export async function secondsOf(run: Run, duration: Duration, scope: Scope, field: string): Promise<number> {
  const value = typeof duration === "number" ? duration : await run.evaluate(duration, contextOf(scope));
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_DURATION_SECONDS) {
    throw new ExpressionError(`${field} must yield a number of seconds from 0 to ${MAX_DURATION_SECONDS}, got ${JSON.stringify(value)}`);
  }
  return value;
}
