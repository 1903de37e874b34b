/**
 * Runs claimed activity attempts concurrently; hands their results to this worker's decisions
 * when they can take them, else reports them to the inbox in batches.
 */
import type pg from "pg";
import { runAttempt } from "./activity-attempt.ts";
import { Heartbeats } from "./activity-heartbeat.ts";
import { isoTime } from "./iso-time.ts";
import { claimTasks, completeTasks, nextTaskDueInMs, releaseTasks, type ClaimedTask, type TaskResult } from "./activity-sql.ts";
import type { FinishedTask } from "./local-results.ts";
import { IDLE_POLL_MS, type EagerRunner } from "./orchestrator.ts";
import type { ActivityRegistry } from "./sdk.ts";
import { Signal } from "./signal.ts";
import type { Telemetry } from "./telemetry.ts";
import { TASK_LEASE, TaskLeases } from "./task-leases.ts";
import type { RuntimeMetrics } from "./metrics/runtime-metrics.ts";

/** Tasks claimed per query. */
const CLAIM_BATCH_SIZE = 200;
/** Results reported per statement. */
const COMPLETE_BATCH_SIZE = 500;
/** Pause before reporting again after the database refused a batch of results. */
const REPORT_RETRY_MS = 500;
/**
 * Longest wait of an eagerly leased task for a free slot. Its lease can be renewed up to its
 * timeout plus the grace period from the moment it was stored, so a task started within half the
 * grace still reports inside its lease; one that waited longer is handed back to the queue instead.
 */
const BACKLOG_WAIT_LIMIT_MS = (TASK_LEASE.graceSeconds * 1000) / 2;

/** A task leased to this runner, waiting in memory for a slot. */
interface WaitingTask {
  task: ClaimedTask;
  leasedAt: number;
  heartbeats: Heartbeats;
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
  /** When waiting tasks were last handed back to the queue (ms since the epoch). */
  private handedBackAt = 0;
  /** Running: eager tasks are welcome. */
  private accepting = false;
  private buffer: TaskResult[] = [];
  private flushing: Promise<void> | null = null;
  private readonly slotFreed = new Signal();
  /** Every task leased to this runner, from its claim until its result is stored or reported. */
  private readonly leases: TaskLeases;

  constructor(
    private readonly pool: pg.Pool,
    private readonly owner: string,
    private readonly registry: ActivityRegistry,
    private readonly wake: Signal,
    private readonly maxConcurrency: number,
    private readonly onError: (error: unknown) => void,
    /** Hands a result to this worker's decisions in memory; false when they cannot take it. */
    private readonly handOver: ((result: FinishedTask) => boolean) | undefined,
    /** Log lines and spans of attempts. */
    private readonly telemetry: Telemetry,
    private readonly metrics?: RuntimeMetrics,
  ) {
    this.leases = new TaskLeases(pool, owner, onError);
  }

  async run(isRunning: () => boolean) {
    const names = this.registry.names();
    this.accepting = true;
    while (isRunning()) {
      const free = this.claimable();
      if (free <= 0) {
        await this.slotFreed.wait(IDLE_POLL_MS);
        continue;
      }
      let tasks: ClaimedTask[] = [];
      try {
        tasks = await claimTasks(this.pool, this.owner, names, TASK_LEASE, Math.min(free, CLAIM_BATCH_SIZE));
      } catch (error) {
        this.onError(error);
      }
      if (tasks.length === 0) {
        // While attempts run, their results bring the next wake-up; only an idle runner looks ahead.
        const due = this.running > 0 ? null : await nextTaskDueInMs(this.pool, this.owner, names, IDLE_POLL_MS).catch(() => null);
        await this.wake.wait(due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, due + 5));
        continue;
      }
      if (this.metrics) for (const task of tasks) this.metrics.taskWait.get(task.activity).observe(task.waitedSeconds ?? 0);
      this.start(tasks);
    }
    this.accepting = false;
  }

  runs(activity: string): boolean {
    return this.registry.get(activity) !== undefined;
  }

  reserve(wanted: number): number {
    const granted = this.accepting ? Math.max(0, Math.min(wanted, this.capacity())) : 0;
    this.reserved += granted;
    return granted;
  }

  /**
   * Queued tasks wait in the backlog like those leased by decisions, so that a worker whose
   * decisions keep every slot busy still comes round to the tasks queued before them. Not while
   * it is handing waiting tasks back, though: it would only take them back from idler workers.
   */
  private claimable(): number {
    if (Date.now() - this.handedBackAt < BACKLOG_WAIT_LIMIT_MS) return this.maxConcurrency - this.running - this.reserved - this.backlog.length;
    return this.capacity();
  }

  /** Tasks this runner can still take: its slots, and a backlog of half of what finishes within the wait limit. */
  private capacity(): number {
    const backlogLimit = Math.max(this.maxConcurrency, Math.floor((this.finishRate.perSecond() * BACKLOG_WAIT_LIMIT_MS) / 2000));
    return this.maxConcurrency + backlogLimit - this.running - this.reserved - this.backlog.length;
  }

  runLeased(tasks: ClaimedTask[], reserved: number) {
    this.reserved -= reserved;
    this.start(tasks);
  }

  recorded(taskIds: number[]) {
    this.leases.drop(taskIds);
  }

  report(results: FinishedTask[]) {
    if (results.length === 0) return;
    this.buffer.push(...results);
    this.flush();
  }

  private start(tasks: ClaimedTask[]) {
    const leasedAt = Date.now();
    for (const task of tasks) {
      const heartbeats = new Heartbeats(task.heartbeatDetails);
      this.leases.hold(task.id, heartbeats);
      this.backlog.push({ task, leasedAt, heartbeats });
    }
    this.pump();
  }

  /** Starts waiting tasks while slots are free, and hands back those that waited too long. */
  private pump() {
    this.handBackStale();
    while (this.running < this.maxConcurrency && this.backlog.length > 0) {
      const { task, heartbeats } = this.backlog.shift()!;
      this.running++;
      void this.execute(task, heartbeats);
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
    this.handedBackAt = now;
    this.leases.drop(stale);
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

  /**
   * Waits for running and waiting attempts to finish and their results to be reported, then
   * renews no lease: whatever is left runs again elsewhere once its lease runs out.
   */
  async drain(timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while ((this.running > 0 || this.backlog.length > 0 || this.buffer.length > 0 || this.flushing) && Date.now() < deadline) {
      await this.slotFreed.wait(50);
    }
    this.leases.stop();
  }

  private async execute(task: ClaimedTask, heartbeats: Heartbeats) {
    const startedAt = isoTime();
    const { result, traceparent } = await this.telemetry.attempt(task, () => runAttempt(this.registry.get(task.activity), task, heartbeats));
    // A failed attempt's retry resumes from what it last gave heartbeat(); a completed one needs nothing more.
    const checkpoint = "error" in result && heartbeats.details !== undefined ? { heartbeatDetails: heartbeats.details } : {};
    const finished: FinishedTask = {
      taskId: task.id,
      instanceId: task.instanceId,
      data: {
        generation: task.generation,
        activityId: task.activityId,
        attempt: task.attempt,
        worker: this.owner,
        startedAt,
        finishedAt: isoTime(),
        ...result,
        ...checkpoint,
        ...(traceparent ? { traceparent } : {}),
      },
    };
    this.running--;
    this.finishRate.count();
    this.pump();
    if (!this.handOver?.(finished)) this.report([finished]);
  }

  private flush() {
    if (this.flushing) return;
    this.flushing = (async () => {
      while (this.buffer.length > 0) {
        const batch = this.buffer.splice(0, COMPLETE_BATCH_SIZE);
        try {
          await completeTasks(this.pool, this.owner, batch);
          this.leases.drop(batch.map((result) => result.taskId));
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
