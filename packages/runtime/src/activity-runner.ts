/** Runs claimed activity attempts concurrently and reports their results in batches. */
import type { Json, WorkflowError } from "@flowcraft/engine";
import type pg from "pg";
import { claimTasks, completeTasks, nextTaskDueInMs, type ClaimedTask, type TaskResult } from "./activity-sql.ts";
import { IDLE_POLL_MS, TASK_LEASE_GRACE_SECONDS, type EagerRunner } from "./orchestrator.ts";
import { ActivityError, type ActivityRegistry } from "./sdk.ts";
import { Signal } from "./signal.ts";

/** Largest activity output stored in history. */
export const MAX_ACTIVITY_OUTPUT_BYTES = 1024 * 1024;
/** Tasks claimed per query. */
const CLAIM_BATCH_SIZE = 200;
/** Results reported per statement. */
const COMPLETE_BATCH_SIZE = 500;
/** Pause before reporting again after the database refused a batch of results. */
const REPORT_RETRY_MS = 500;

export class ActivityRunner implements EagerRunner {
  private inFlight = 0;
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
  ) {}

  async run(isRunning: () => boolean) {
    const names = this.registry.names();
    this.accepting = true;
    while (isRunning()) {
      const free = this.maxConcurrency - this.inFlight;
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
        const due = this.inFlight > 0 ? null : await nextTaskDueInMs(this.pool, names).catch(() => null);
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
    const granted = this.accepting ? Math.max(0, Math.min(wanted, this.maxConcurrency - this.inFlight)) : 0;
    this.inFlight += granted;
    return granted;
  }

  runLeased(tasks: ClaimedTask[], reserved: number) {
    this.inFlight -= reserved;
    this.start(tasks);
  }

  private start(tasks: ClaimedTask[]) {
    for (const task of tasks) {
      this.inFlight++;
      void this.execute(task);
    }
    this.slotFreed.fire();
  }

  /** Waits for running attempts to finish and their results to be reported. */
  async drain(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while ((this.inFlight > 0 || this.buffer.length > 0 || this.flushing) && Date.now() < deadline) {
      await this.slotFreed.wait(50);
    }
  }

  private async execute(task: ClaimedTask) {
    const startedAt = new Date().toISOString();
    const controller = new AbortController();
    const timeoutMs = task.timeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ActivityError(`activity "${task.activity}" timed out after ${task.timeoutSeconds} s`, "ActivityTimeout"));
      }, timeoutMs);
    });
    let result: { output: Json } | { error: WorkflowError };
    try {
      const fn = this.registry.get(task.activity);
      if (!fn) throw new ActivityError(`no activity "${task.activity}" is registered on this worker`, "UnknownActivity");
      const output = await Promise.race([
        Promise.resolve(fn(task.input, { instanceId: task.instanceId, activityId: task.activityId, attempt: task.attempt, signal: controller.signal })),
        timedOut,
      ]);
      result = { output: toStoredJson(output) };
    } catch (error) {
      result = { error: toWorkflowError(error) };
    } finally {
      clearTimeout(timer);
    }
    this.buffer.push({
      taskId: task.id,
      data: {
        generation: task.generation,
        activityId: task.activityId,
        attempt: task.attempt,
        worker: this.owner,
        startedAt,
        finishedAt: new Date().toISOString(),
        ...result,
      },
    });
    this.inFlight--;
    this.slotFreed.fire();
    this.flush();
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

function toStoredJson(value: unknown): Json {
  if (value === undefined) return null;
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new ActivityError(`activity output is not JSON: ${(error as Error).message}`, "InvalidOutput");
  }
  if (text === undefined) return null;
  if (text.includes("\\u0000")) throw new ActivityError("activity output holds a NUL character (\\u0000), which cannot be stored", "InvalidOutput");
  if (Buffer.byteLength(text) > MAX_ACTIVITY_OUTPUT_BYTES) {
    throw new ActivityError(`activity output is over ${MAX_ACTIVITY_OUTPUT_BYTES} bytes`, "InvalidOutput");
  }
  return JSON.parse(text) as Json;
}

function toWorkflowError(error: unknown): WorkflowError {
  const found: WorkflowError =
    error instanceof ActivityError
      ? { name: error.errorName, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) }
      : { name: "ActivityFailed", message: error instanceof Error ? error.message : String(error) };
  // Postgres cannot store NUL in JSON; an error must always be storable.
  return JSON.parse(JSON.stringify(found).replaceAll("\\u0000", "\\ufffd")) as WorkflowError;
}
