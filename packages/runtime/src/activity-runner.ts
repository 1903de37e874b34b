/**
 * Runs claimed activity attempts concurrently; hands their results to this worker's decisions
 * when they can take them, else reports them to the inbox in batches.
 */
import { inJsonbKeyOrder, storableJsonText, type Json, type WorkflowError } from "@flowcraft/engine";
import type pg from "pg";
import { claimTasks, completeTasks, nextTaskDueInMs, releaseTasks, type ClaimedTask, type TaskResult } from "./activity-sql.ts";
import type { FinishedTask } from "./local-results.ts";
import { IDLE_POLL_MS, TASK_LEASE_GRACE_SECONDS, type EagerRunner } from "./orchestrator.ts";
import { ActivityError, type ActivityRegistry } from "./sdk.ts";
import { Signal } from "./signal.ts";
import { jsonForHistory } from "./stored-json.ts";

/** Tasks claimed per query. */
const CLAIM_BATCH_SIZE = 200;
/** Results reported per statement. */
const COMPLETE_BATCH_SIZE = 500;
/** Pause before reporting again after the database refused a batch of results. */
const REPORT_RETRY_MS = 500;
/**
 * Longest wait of an eagerly leased task for a free slot. Its lease covers its timeout plus the
 * grace period from the moment it was stored, so a task started within half the grace still
 * reports inside its lease; one that waited longer is handed back to the queue instead.
 */
const BACKLOG_WAIT_LIMIT_MS = (TASK_LEASE_GRACE_SECONDS * 1000) / 2;

/** A task leased to this runner by a decision, waiting in memory for a slot. */
interface WaitingTask {
  task: ClaimedTask;
  leasedAt: number;
}

export class ActivityRunner implements EagerRunner {
  /** Attempts executing now. */
  private running = 0;
  /** Slots promised to decisions whose tasks are being stored. */
  private reserved = 0;
  /**
   * Eager tasks beyond the running ones, so that a decision batch larger than the free slots is
   * still handed over whole instead of being queued and claimed again one statement later.
   */
  private readonly backlog: WaitingTask[] = [];
  /** Attempts finished per second lately: how many waiting tasks can start within the wait limit. */
  private readonly finishRate = new RateMeter();
  private backlogTimer: NodeJS.Timeout | undefined;
  /** Running: eager tasks are welcome. */
  private accepting = false;
  private buffer: TaskResult[] = [];
  private flushing: Promise<void> | null = null;
  private readonly slotFreed = new Signal();

  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly registry: ActivityRegistry,
    private readonly wake: Signal,
    private readonly maxConcurrency: number,
    private readonly onError: (error: unknown) => void,
    /** Hands a result to this worker's decisions in memory; false when they cannot take it. */
    private readonly handOver: (result: FinishedTask) => boolean = () => false,
  ) {}

  async run(isRunning: () => boolean) {
    const names = this.registry.names();
    this.accepting = true;
    while (isRunning()) {
      const free = this.maxConcurrency - this.running - this.reserved - this.backlog.length;
      if (free <= 0) {
        await this.slotFreed.wait(IDLE_POLL_MS);
        continue;
      }
      let tasks: ClaimedTask[] = [];
      try {
        tasks = await claimTasks(this.pool, this.owner, names, TASK_LEASE_GRACE_SECONDS, Math.min(free, CLAIM_BATCH_SIZE));
      } catch (error) {
        this.onError(error);
      }
      if (tasks.length === 0) {
        // While attempts run, their results bring the next wake-up; only an idle runner looks ahead.
        const due = this.running > 0 ? null : await nextTaskDueInMs(this.pool, names).catch(() => null);
        await this.wake.wait(due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, due + 5));
        continue;
      }
      this.start(tasks);
    }
    this.accepting = false;
  }

  runs(activity: string): boolean {
    return this.registry.get(activity) !== undefined;
  }

  reserve(wanted: number): number {
    // Half of what finishes within the wait limit, and at least as many as run at once.
    const backlogLimit = Math.max(this.maxConcurrency, Math.floor((this.finishRate.perSecond() * BACKLOG_WAIT_LIMIT_MS) / 2000));
    const capacity = this.maxConcurrency + backlogLimit - this.running - this.reserved - this.backlog.length;
    const granted = this.accepting ? Math.max(0, Math.min(wanted, capacity)) : 0;
    this.reserved += granted;
    return granted;
  }

  runLeased(tasks: ClaimedTask[], reserved: number) {
    this.reserved -= reserved;
    this.start(tasks);
  }

  report(results: FinishedTask[]) {
    if (results.length === 0) return;
    this.buffer.push(...results);
    this.flush();
  }

  private start(tasks: ClaimedTask[]) {
    const leasedAt = Date.now();
    for (const task of tasks) this.backlog.push({ task, leasedAt });
    this.pump();
  }

  /** Starts waiting tasks while slots are free, and hands back those that waited too long. */
  private pump() {
    this.handBackStale();
    while (this.running < this.maxConcurrency && this.backlog.length > 0) {
      const { task } = this.backlog.shift()!;
      this.running++;
      void this.execute(task);
    }
    this.slotFreed.fire();
    this.watchBacklog();
  }

  /** The backlog is oldest first, so stale tasks are at its head. */
  private handBackStale() {
    const now = Date.now();
    let count = 0;
    while (count < this.backlog.length && now - this.backlog[count]!.leasedAt > BACKLOG_WAIT_LIMIT_MS) count++;
    if (count === 0) return;
    const stale = this.backlog.splice(0, count).map((waiting) => waiting.task.id);
    releaseTasks(this.pool, this.owner, stale).catch(this.onError);
  }

  /** While tasks wait, wakes when the oldest reaches the wait limit: a slot may not free before then. */
  private watchBacklog() {
    const oldest = this.backlog[0];
    if (!oldest || this.backlogTimer) return;
    this.backlogTimer = setTimeout(
      () => {
        this.backlogTimer = undefined;
        this.pump();
      },
      oldest.leasedAt + BACKLOG_WAIT_LIMIT_MS + 1 - Date.now(),
    );
    this.backlogTimer.unref();
  }

  /** Waits for running and waiting attempts to finish and their results to be reported. */
  async drain(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while ((this.running > 0 || this.backlog.length > 0 || this.buffer.length > 0 || this.flushing) && Date.now() < deadline) {
      await this.slotFreed.wait(50);
    }
  }

  private async execute(task: ClaimedTask) {
    const startedAt = new Date().toISOString();
    // Most activities never look at their signal, so it is only made when asked for.
    let controller: AbortController | undefined;
    let expired = false;
    const context = {
      instanceId: task.instanceId,
      activityId: task.activityId,
      attempt: task.attempt,
      get signal() {
        controller ??= new AbortController();
        if (expired) controller.abort();
        return controller.signal;
      },
    };
    const timeoutMs = task.timeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        expired = true;
        controller?.abort();
        reject(new ActivityError(`activity "${task.activity}" timed out after ${task.timeoutSeconds} s`, "ActivityTimeout"));
      }, timeoutMs);
    });
    let result: { output: Json } | { error: WorkflowError };
    try {
      const fn = this.registry.get(task.activity);
      if (!fn) throw new ActivityError(`no activity "${task.activity}" is registered on this worker`, "UnknownActivity");
      const output = await Promise.race([Promise.resolve(fn(task.input, context)), timedOut]);
      result = { output: toStoredJson(output) };
    } catch (error) {
      result = { error: toWorkflowError(error) };
    } finally {
      clearTimeout(timer);
    }
    const finished: FinishedTask = {
      taskId: task.id,
      instanceId: task.instanceId,
      data: {
        generation: task.generation,
        activityId: task.activityId,
        attempt: task.attempt,
        worker: this.owner,
        startedAt,
        finishedAt: new Date().toISOString(),
        ...result,
      },
    };
    this.running--;
    this.finishRate.count();
    this.pump();
    if (!this.handOver(finished)) this.report([finished]);
  }

  private flush() {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, COMPLETE_BATCH_SIZE);
        try {
          await completeTasks(this.pool, this.owner, batch);
        } catch (error) {
          this.onError(error);
          this.buffer.unshift(...batch);
          await new Promise((resolve) => setTimeout(resolve, REPORT_RETRY_MS));
        }
      }
    })().finally(() => {
      this.flushing = null;
    });
  }
}

/** Events per second over the last full second. */
class RateMeter {
  private windowStart = Date.now();
  private inWindow = 0;
  private lastRate = 0;

  count() {
    this.roll();
    this.inWindow++;
  }

  perSecond(): number {
    this.roll();
    return this.lastRate;
  }

  private roll() {
    const elapsed = Date.now() - this.windowStart;
    if (elapsed < 1000) return;
    // A window with nothing in it after a long pause means the rate is now zero.
    this.lastRate = elapsed < 2000 ? (this.inWindow * 1000) / elapsed : 0;
    this.windowStart = Date.now();
    this.inWindow = 0;
  }
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
