/**
 * A worker: the decision loop and the activity loop of one process, woken by LISTEN/NOTIFY.
 * Several workers, in one process or many, share the same database without running a step twice.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Tracer } from "@opentelemetry/api";
import type { Database } from "@flowcraft/db";
import { ActivityRunner } from "./activity-runner.ts";
import type { FinishedTask } from "./local-results.ts";
import { INBOX_CHANNEL, Notifier, TASKS_CHANNEL } from "./notifier.ts";
import { pruneRound } from "./generation-pruning.ts";
import { DEFAULT_RETENTION_DAYS, purgeExpiredRound } from "./retention.ts";
import { IDLE_POLL_MS, Orchestrator } from "./orchestrator.ts";
import { createRegistry, type BuiltInOptions } from "./registry.ts";
import type { ActivityRegistry } from "./sdk.ts";
import { recordActivities } from "./registrations.ts";
import { ExpressionSandbox } from "./sandbox/expression-sandbox.ts";
import { fireDueSchedules, nextScheduleDueInMs } from "./schedules/schedule-firing.ts";
import { Instances } from "./instances.ts";
import { Signal } from "./signal.ts";
import type { RuntimeMetrics } from "./metrics/runtime-metrics.ts";
import type { WorkerLoop } from "./metrics/worker-gauges.ts";
import { defaultLogger, type Logger } from "./logger.ts";
import { Telemetry } from "./telemetry.ts";
import type { BulkPerformer } from "./bulk/bulk-jobs.ts";
import { runBulkJob } from "./bulk/bulk-runner.ts";

export interface WorkerOptions extends BuiltInOptions {
  /** Activities this worker runs; the built-ins are always included. */
  activities?: ActivityRegistry;
  /** Run decision turns (default true). */
  orchestrate?: boolean;
  /** Run activities (default true). */
  runActivities?: boolean;
  /** Activity attempts running at once (default 100). */
  maxConcurrentActivities?: number;
  /** Fire due schedules (default: whenever it runs decision turns). */
  fireSchedules?: boolean;
  /**
   * Days ended instances, and the generations a continue-as-new leaves behind, are kept where
   * their workflow sets no retention of its own (default 30); 0 keeps them for ever.
   */
  retentionDays?: number;
  /** The process's metrics, which this worker feeds; none when absent. */
  metrics?: RuntimeMetrics;
  /** Where the worker's lines go; JSON on standard output from info up when absent. */
  logger?: Logger;
  /** Spans of turns and attempts (tracing.ts); none when absent. */
  tracer?: Tracer;
  /**
   * Works through bulk jobs, acting on each instance with this (the server's single-instance
   * operations, audited as the job's creator); none when absent.
   */
  bulkActions?: BulkPerformer;
  /** Instances a bulk job acts on between two looks at the job (default 100). */
  bulkBatchSize?: number;
  /** Hears every error the worker logs, besides the log. */
  onError?: (error: unknown) => void;
}

/**
 * Decision loops per worker. Claims never overlap (leases, SKIP LOCKED), so a second loop plans
 * one batch while the other waits on the database: about 15% more fan-out throughput on two
 * cores; more loops gained nothing.
 */
const DECISION_LOOPS = 2;
/** Between housekeeping rounds (retention, pruned generations) when the last one left nothing over. */
const HOUSEKEEPING_INTERVAL_MS = 60_000;
/** Between rounds while a backlog lasts: the deletes go on at a low pace beside the work that matters. */
const BACKLOG_PAUSE_MS = 1_000;
/** How long `stop` waits for running activities to report. */
const STOP_DRAIN_MS = 10_000;

export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly inboxSignal = new Signal();
  private readonly scheduleSignal = new Signal();
  private readonly bulkSignal = new Signal();
  private readonly tasksSignal = new Signal();
  /** Fired only by `stop`: housekeeping sleeps long and must not hold a stop up. */
  private readonly housekeepingSignal = new Signal();
  private readonly notifier: Notifier;
  private readonly registry: ActivityRegistry;
  private readonly orchestrator: Orchestrator;
  private readonly runner: ActivityRunner;
  private readonly sandbox = new ExpressionSandbox();
  private readonly onError: (error: unknown, log?: Logger) => void;

  constructor(
    private readonly db: Database,
    private readonly options: WorkerOptions = {},
  ) {
    this.registry = withBuiltIns(options.activities, options);
    const telemetry = new Telemetry((options.logger ?? defaultLogger()).child({ worker: this.id }), options.tracer);
    const onError = (error: unknown, log?: Logger) => {
      telemetry.error(error, log);
      options.onError?.(error);
    };
    this.onError = onError;
    this.notifier = new Notifier(db.url, { [INBOX_CHANNEL]: this.inboxSignal, [TASKS_CHANNEL]: this.tasksSignal });
    // Results go straight to this worker's decisions when it makes them, else through the inbox.
    const handOver = options.orchestrate === false ? undefined : (result: FinishedTask) => this.orchestrator.results.offer(result);
    this.runner = new ActivityRunner(db.pool, this.id, this.registry, this.tasksSignal, options.maxConcurrentActivities ?? 100, onError, handOver, telemetry, options.metrics);
    this.orchestrator = new Orchestrator(db.pool, this.id, this.inboxSignal, onError, options.runActivities === false ? null : this.runner, this.sandbox.evaluate, telemetry, options.metrics);
  }

  /** Activity names this worker runs. */
  get activityNames(): string[] {
    return this.registry.names();
  }

  async start() {
    if (this.running) return;
    await recordActivities(this.db.pool, this.registry.names());
    await this.notifier.start();
    this.sandbox.open();
    this.running = true;
    const liveness = this.options.metrics?.liveness;
    liveness?.started(this.id);
    // Every loop asks this once per round: the liveness metric hears each round there.
    const isRunning = (loop: WorkerLoop) => () => {
      liveness?.beat(this.id, loop);
      return this.running;
    };
    if (this.options.orchestrate !== false) {
      this.orchestrator.results.start();
      for (let i = 0; i < DECISION_LOOPS; i++) this.loops.push(this.orchestrator.run(isRunning("decision")));
    }
    if (this.options.runActivities !== false) this.loops.push(this.runner.run(isRunning("activity")));
    if (this.options.orchestrate !== false) this.loops.push(this.keepHouse(() => this.running));
    if (this.options.fireSchedules ?? this.options.orchestrate !== false) this.loops.push(this.fireSchedules(isRunning("schedule")));
    if (this.options.bulkActions) this.loops.push(this.runBulkJobs(() => this.running, this.options.bulkActions));
  }

  /** Works through bulk jobs one at a time; looks for a new one every IDLE_POLL_MS. */
  private async runBulkJobs(isRunning: () => boolean, perform: BulkPerformer) {
    const instances = new Instances(this.db);
    const batchSize = this.options.bulkBatchSize;
    while (isRunning()) {
      let ran = false;
      try {
        ran = await runBulkJob(this.db, instances, this.id, perform, { ...(batchSize ? { batchSize } : {}), isRunning });
      } catch (error) {
        this.onError(error);
      }
      if (!ran && isRunning()) await this.bulkSignal.wait(IDLE_POLL_MS);
    }
  }

  /** Fires due schedules, then sleeps until the next is due (at most IDLE_POLL_MS: a new schedule is seen within it). */
  private async fireSchedules(isRunning: () => boolean) {
    const instances = new Instances(this.db);
    while (isRunning()) {
      let claimed = 0;
      try {
        claimed = await fireDueSchedules(this.db, instances, this.id, { evaluate: this.sandbox.evaluate });
      } catch (error) {
        this.onError(error);
      }
      if (claimed > 0 || !isRunning()) continue;
      const due = await nextScheduleDueInMs(this.db).catch(() => null);
      await this.scheduleSignal.wait(due === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, due + 5));
    }
  }

  /**
   * Purges instances past retention and prunes old generations now and then, beside the loops:
   * never on a turn's path. Every worker does it; the batches they claim never overlap.
   */
  private async keepHouse(isRunning: () => boolean) {
    const defaultDays = this.options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    while (isRunning()) {
      await this.housekeepingSignal.wait(HOUSEKEEPING_INTERVAL_MS);
      let more = false;
      while (isRunning()) {
        try {
          const pruned = await pruneRound(this.db.pool, { defaultDays });
          const purged = await purgeExpiredRound(this.db.pool, `retention:${this.id}`, { defaultDays });
          more = purged.more || pruned.more;
        } catch (error) {
          this.onError(error);
          more = false;
        }
        if (!more) break;
        await this.housekeepingSignal.wait(BACKLOG_PAUSE_MS);
      }
    }
  }

  /** Wakes this worker's loops at once (the in-process path; other processes hear NOTIFY). */
  wake() {
    this.inboxSignal.fire();
    this.scheduleSignal.fire();
    this.bulkSignal.fire();
    this.tasksSignal.fire();
  }

  async stop() {
    if (!this.running) return;
    this.running = false;
    this.options.metrics?.liveness.stopped(this.id);
    this.wake();
    this.housekeepingSignal.fire();
    await Promise.all(this.loops);
    // No turn takes results any more: those waiting, and those still to come, go to the inbox.
    this.runner.report(this.orchestrator.results.stop());
    await this.runner.drain(STOP_DRAIN_MS);
    this.loops = [];
    this.sandbox.close();
    await this.notifier.stop();
  }
}

function withBuiltIns(activities: ActivityRegistry | undefined, options: BuiltInOptions): ActivityRegistry {
  const registry = createRegistry(options);
  for (const name of activities?.names() ?? []) {
    if (!registry.get(name)) registry.register(name, activities!.get(name)!);
  }
  return registry;
}
