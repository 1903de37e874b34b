/**
 * A worker: the decision loop and the activity loop of one process, woken by LISTEN/NOTIFY.
 * Several workers, in one process or many, share the same database without running a step twice.
 */
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { ActivityRunner } from "./activity-runner.ts";
import type { FinishedTask } from "./local-results.ts";
import { INBOX_CHANNEL, Notifier, TASKS_CHANNEL } from "./notifier.ts";
import { DEFAULT_GENERATION_RETENTION_SECONDS, PRUNE_INTERVAL_MS, pruneRound } from "./generation-pruning.ts";
import { IDLE_POLL_MS, Orchestrator } from "./orchestrator.ts";
import { createRegistry, type BuiltInOptions } from "./registry.ts";
import type { ActivityRegistry } from "./sdk.ts";
import { recordActivities } from "./registrations.ts";
import { ExpressionSandbox } from "./sandbox/expression-sandbox.ts";
import { fireDueSchedules, nextScheduleDueInMs } from "./schedules/schedule-firing.ts";
import { Instances } from "./instances.ts";
import { Signal } from "./signal.ts";
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
   * Works through bulk jobs, acting on each instance with this (the server's single-instance
   * operations, audited as the job's creator); none when absent.
   */
  bulkActions?: BulkPerformer;
  /** Instances a bulk job acts on between two looks at the job (default 100). */
  bulkBatchSize?: number;
  /** How long the history of a generation left by a continue-as-new is kept (default a week). */
  generationRetentionSeconds?: number;
  onError?: (error: unknown) => void;
}

/**
 * Decision loops per worker. Claims never overlap (leases, SKIP LOCKED), so a second loop plans
 * one batch while the other waits on the database: about 15% more fan-out throughput on two
 * cores; more loops gained nothing.
 */
const DECISION_LOOPS = 2;
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
  private readonly notifier: Notifier;
  private readonly registry: ActivityRegistry;
  private readonly orchestrator: Orchestrator;
  private readonly runner: ActivityRunner;
  private readonly sandbox = new ExpressionSandbox();
  private pruning: NodeJS.Timeout | undefined;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly db: Database,
    private readonly options: WorkerOptions = {},
  ) {
    this.registry = withBuiltIns(options.activities, options);
    const onError = options.onError ?? ((error: unknown) => console.error(`worker ${this.id}:`, error));
    this.onError = onError;
    this.notifier = new Notifier(db.url, { [INBOX_CHANNEL]: this.inboxSignal, [TASKS_CHANNEL]: this.tasksSignal });
    // Results go straight to this worker's decisions when it makes them, else through the inbox.
    const handOver = options.orchestrate === false ? undefined : (result: FinishedTask) => this.orchestrator.results.offer(result);
    this.runner = new ActivityRunner(db.pool, this.id, this.registry, this.tasksSignal, options.maxConcurrentActivities ?? 100, onError, handOver);
    this.orchestrator = new Orchestrator(db.pool, this.id, this.inboxSignal, onError, options.runActivities === false ? null : this.runner, this.sandbox.evaluate);
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
    const isRunning = () => this.running;
    if (this.options.orchestrate !== false) {
      this.orchestrator.results.start();
      for (let i = 0; i < DECISION_LOOPS; i++) this.loops.push(this.orchestrator.run(isRunning));
    }
    if (this.options.runActivities !== false) this.loops.push(this.runner.run(isRunning));
    if (this.options.orchestrate !== false) this.startPruning();
    if (this.options.fireSchedules ?? this.options.orchestrate !== false) this.loops.push(this.fireSchedules(isRunning));
    if (this.options.bulkActions) this.loops.push(this.runBulkJobs(isRunning, this.options.bulkActions));
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

  /** Prunes old generations' history now and then, beside the loops: never on a turn's path. */
  private startPruning() {
    const retention = this.options.generationRetentionSeconds ?? DEFAULT_GENERATION_RETENTION_SECONDS;
    let pruning = false;
    this.pruning = setInterval(() => {
      if (pruning) return;
      pruning = true;
      pruneRound(this.db.pool, retention)
        .catch((error: unknown) => this.onError(error))
        .finally(() => (pruning = false));
    }, PRUNE_INTERVAL_MS);
    this.pruning.unref();
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
    clearInterval(this.pruning);
    this.wake();
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
