/**
 * Interpreting a sub-workflow step: it asks the runtime for a child instance and takes the
 * child's output as its own, or its failure as its own, retried with a new child per attempt.
 * What became of each child arrives as history events (see facts.ts); the runtime records them.
 */
import type { SubworkflowNode } from "@flowcraft/definition";
import { PENDING, type Outcome, type Run } from "./interpreter.ts";
import type { HistoryEventOf, WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";
import { maxAttemptsOf, retryDelaySeconds } from "./retry.ts";
import { contextOf, type Scope } from "./scope.ts";

/** What the timer before a step's next attempt is called: the step's place, and the attempt it starts. */
export function childRetryTimerOf(stepId: string, attempt: number): string {
  return `${stepId}:retry${attempt}`;
}

/** The step's error for a child that failed, could not start, or was terminated. */
export function childError(ended: HistoryEventOf<"child_failed"> | HistoryEventOf<"child_terminated">): WorkflowError {
  if (ended.type === "child_failed") return ended.error;
  return { name: "ChildTerminated", message: `the child instance "${ended.childId}" was terminated${ended.reason ? `: ${ended.reason}` : ""}` };
}

export async function runSubworkflow(run: Run, id: string, node: SubworkflowNode, scope: Scope, prefix: string): Promise<Outcome> {
  const stepId = prefix + id;
  const child = run.facts.children.get(stepId);
  const start = (attempt: number, input: Json) =>
    run.commands.push({
      type: "start_child",
      stepId,
      node: id,
      workflow: node.workflow,
      version: node.version ?? "latest",
      input,
      attempt,
      terminateWithParent: (node.onParentEnd ?? "terminate") === "terminate",
    });
  if (!child) {
    start(1, node.input ? await run.evaluate(node.input, contextOf(scope)) : null);
    run.trace.set(stepId, { node: id, status: "running" });
    return PENDING;
  }
  // A step that does not wait is done once its child has started, whatever the child does after:
  // its output stays the child's id, so that what follows decides the same on every replay.
  if (node.wait === false && child.started) return { kind: "done", output: child.started.childId, at: child.started.seq };
  if (child.completed) return { kind: "done", output: child.completed.output, at: child.completed.seq };
  if (child.failed) {
    const attempt = child.scheduled.attempt;
    const error = childError(child.failed);
    if (attempt >= maxAttemptsOf(node.retry) || error.nonRetryable) {
      return { kind: "error", error: { ...error, node: id, attempts: attempt }, at: child.failed.seq };
    }
    // The next attempt starts a new child once its backoff has passed, kept by a durable timer.
    const timerId = childRetryTimerOf(stepId, attempt + 1);
    const timer = run.facts.timers.get(timerId);
    if (!timer) {
      run.commands.push({ type: "start_timer", timerId, node: id, purpose: "child_retry", delaySeconds: retryDelaySeconds(node.retry, attempt) });
    } else if (timer.firedSeq !== undefined) {
      start(attempt + 1, child.scheduled.input);
    }
    run.trace.set(stepId, { node: id, status: "retrying" });
    return PENDING;
  }
  run.trace.set(stepId, { node: id, status: child.scheduled.attempt > 1 ? "retrying" : "running" });
  return PENDING;
}
