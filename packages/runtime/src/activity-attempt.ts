/**
 * One run of an activity attempt: the context the activity sees, and the limits that end it
 * early: its timeout, and the step's heartbeat timeout when it sets one.
 */
import { inJsonbKeyOrder, storableJsonText, type Json, type WorkflowError } from "@flowcraft/engine";
import type { Heartbeats } from "./activity-heartbeat.ts";
import type { ClaimedTask } from "./activity-sql.ts";
import { ActivityError, type ActivityContext, type ActivityFunction } from "./sdk.ts";
import { jsonForHistory } from "./stored-json.ts";

export type AttemptResult = { output: Json } | { error: WorkflowError };

/**
 * Runs of one attempt whose worker was lost after which the attempt fails instead of running
 * again: an activity that takes its worker down (exits, exhausts memory, crashes a native module)
 * would otherwise do so to every worker forever. One or two losses are ordinary (a deploy, a
 * machine lost) and stay invisible.
 */
export const LOST_RUNS_LIMIT = 3;

/**
 * What the activity sees of its attempt, and the limit that cut it short. Its members live on the
 * prototype: as an object literal with a getter and closures, it cost each attempt over a
 * microsecond, several times the rest of a no-op attempt.
 */
class AttemptContext implements ActivityContext {
  readonly instanceId: string;
  readonly activityId: string;
  readonly attempt: number;
  readonly heartbeatDetails: Json | undefined;
  /** The limit that cut the attempt short: what it ends with, whatever the activity does once aborted. */
  cutShort: ActivityError | undefined;
  /** Most activities never look at their signal, so it is only made when asked for. */
  private controller: AbortController | undefined;
  /** What `heartbeat` gives, made when first asked for. */
  private beat: ((details?: Json) => void) | undefined;
  /** Rejects the limit that the activity's run is raced against: set when the limit is made. */
  passLimit: ((error: ActivityError) => void) | undefined;

  constructor(
    task: ClaimedTask,
    private readonly heartbeats: Heartbeats,
  ) {
    this.instanceId = task.instanceId;
    this.activityId = task.activityId;
    this.attempt = task.attempt;
    this.heartbeatDetails = heartbeats.details;
  }

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.cutShort) this.controller.abort();
    return this.controller.signal;
  }

  /**
   * A getter rather than a method, so that `const { heartbeat } = context` works too. The bound
   * function is made once: an activity may beat in a tight loop.
   */
  get heartbeat(): (details?: Json) => void {
    return (this.beat ??= (details) => this.heartbeats.beat(details));
  }

  /** Ends the attempt with `error`: its signal aborts, and its run stops being waited for. */
  cut(error: ActivityError) {
    this.cutShort = error;
    this.controller?.abort();
    this.passLimit?.(error);
  }
}

function timedOut(context: AttemptContext, task: ClaimedTask) {
  context.cut(new ActivityError(`activity "${task.activity}" timed out after ${task.timeoutSeconds} s`, "ActivityTimeout"));
}

/** Runs the attempt to its end: the activity's output or error, or the limit that cut it short. */
export async function runAttempt(fn: ActivityFunction | undefined, task: ClaimedTask, heartbeats: Heartbeats): Promise<AttemptResult> {
  if ((task.lostRuns ?? 0) >= LOST_RUNS_LIMIT) return { error: workerLost(task) };
  const startedAt = Date.now();
  const context = new AttemptContext(task, heartbeats);
  const limitPassed = new Promise<never>((_, reject) => {
    context.passLimit = reject;
  });
  const timeout = setTimeout(timedOut, task.timeoutSeconds * 1000, context, task);
  let heartbeatCheck: NodeJS.Timeout | undefined;
  const { heartbeatTimeoutSeconds } = task;
  if (heartbeatTimeoutSeconds !== undefined) {
    // Checked when the silence could first reach the limit, not reset per heartbeat: an activity may beat in a tight loop.
    const limitMs = heartbeatTimeoutSeconds * 1000;
    const check = () => {
      const silentMs = Date.now() - (heartbeats.lastBeatAt ?? startedAt);
      if (silentMs < limitMs) heartbeatCheck = setTimeout(check, limitMs - silentMs);
      else context.cut(new ActivityError(`activity "${task.activity}" did not call heartbeat() for ${heartbeatTimeoutSeconds} s`, "HeartbeatTimeout"));
    };
    heartbeatCheck = setTimeout(check, limitMs);
  }
  try {
    if (!fn) throw new ActivityError(`no activity "${task.activity}" is registered on this worker`, "UnknownActivity");
    const output = await Promise.race([Promise.resolve(fn(task.input, context)), limitPassed]);
    // An activity that honours its signal settles as soon as it is aborted, before the limit's own rejection.
    if (context.cutShort) return { error: toWorkflowError(context.cutShort) };
    return { output: toStoredJson(output) };
  } catch (error) {
    return { error: toWorkflowError(context.cutShort ?? error) };
  } finally {
    clearTimeout(timeout);
    clearTimeout(heartbeatCheck);
  }
}

/** Not retried: every retry would take down as many workers again. */
function workerLost(task: ClaimedTask): WorkflowError {
  const message = `activity "${task.activity}" lost its worker on each of its last ${LOST_RUNS_LIMIT} runs (the process died or stopped answering); it may be what crashes the worker`;
  return toWorkflowError(new ActivityError(message, "WorkerLost", undefined, { nonRetryable: true }));
}

function toStoredJson(value: unknown): Json {
  const text = jsonForHistory("activity output", value, (message) => new ActivityError(message, "InvalidOutput"));
  // In storage's key order: a decision may take it from memory (eager hand-over) or from storage.
  return inJsonbKeyOrder(JSON.parse(text) as Json);
}

function toWorkflowError(error: unknown): WorkflowError {
  const found: WorkflowError =
    error instanceof ActivityError
      ? {
          name: error.errorName,
          message: error.message,
          ...(error.details !== undefined ? { details: error.details } : {}),
          ...(error.options.nonRetryable ? { nonRetryable: true } : {}),
        }
      : { name: "ActivityFailed", message: error instanceof Error ? error.message : String(error) };
  // Postgres cannot store NUL in JSON; an error must always be storable.
  return inJsonbKeyOrder(JSON.parse(storableJsonText(JSON.stringify(found))) as Json) as unknown as WorkflowError;
}
