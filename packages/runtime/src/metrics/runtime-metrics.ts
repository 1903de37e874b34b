/**
 * The runtime's Prometheus metrics, on a registry of the caller's (one per process). Counters and
 * histograms are fed by workers as they store what happened; gauges read the database and the
 * workers when scraped. Labels are workflow names, activity names and outcomes, never instance
 * ids: a series per instance would grow without bound.
 */
import type { Database } from "@flowcraft/db";
import { Counter, Histogram, type Registry } from "prom-client";
import { registerDatabaseGauges } from "./database-gauges.ts";
import { registerWorkerGauges, WorkerLiveness } from "./worker-gauges.ts";

/** Activity run times: from a few milliseconds (a transform) to an hour (a long HTTP call with heartbeats). */
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600];
/** Waits for a worker: milliseconds when it keeps up, seconds to minutes when it does not. */
const LATENCY_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** A labelled child of a metric, made once per label value rather than by a `labels()` call per observation. */
class ByLabel<T> {
  private readonly children = new Map<string, T>();
  constructor(private readonly make: (value: string) => T) {}
  get(value: string): T {
    let child = this.children.get(value);
    if (!child) {
      child = this.make(value);
      this.children.set(value, child);
    }
    return child;
  }
}

type Observer = { observe(value: number): void };
type Incrementer = { inc(value?: number): void };

export class RuntimeMetrics {
  readonly liveness = new WorkerLiveness();
  readonly started: ByLabel<Incrementer>;
  readonly completed: ByLabel<Incrementer>;
  readonly failed: ByLabel<Incrementer>;
  readonly terminated: ByLabel<Incrementer>;
  readonly attempts: ByLabel<Incrementer>;
  readonly attemptFailures: ByLabel<Incrementer>;
  readonly completedDuration: ByLabel<Observer>;
  readonly failedDuration: ByLabel<Observer>;
  readonly taskWait: ByLabel<Observer>;
  readonly turnWait: Observer;
  readonly timerLateness: ByLabel<Observer>;

  constructor(registry: Registry, db: Database) {
    const counter = (name: string, help: string, label: string) => {
      const metric = new Counter({ name, help, labelNames: [label], registers: [registry] });
      return new ByLabel((value) => metric.labels(value));
    };
    this.started = counter("flowcraft_instances_started_total", "Instances whose first turn a worker stored (they left PENDING).", "workflow");
    this.completed = counter("flowcraft_instances_completed_total", "Instances that completed.", "workflow");
    this.failed = counter("flowcraft_instances_failed_total", "Instances that failed (quarantined ones included).", "workflow");
    this.terminated = counter("flowcraft_instances_terminated_total", "Instances an operator or their parent terminated.", "workflow");
    this.attempts = counter("flowcraft_activity_attempts_total", "Activity attempts recorded in history (each activity_completed or activity_failed event).", "activity");
    this.attemptFailures = counter("flowcraft_activity_attempt_failures_total", "Activity attempts that failed (activity_failed events; a retry may follow).", "activity");

    const duration = new Histogram({
      name: "flowcraft_activity_duration_seconds",
      help: "How long activity attempts ran, from start to result, by activity and outcome.",
      labelNames: ["activity", "outcome"],
      buckets: DURATION_BUCKETS_SECONDS,
      registers: [registry],
    });
    this.completedDuration = new ByLabel((activity) => duration.labels(activity, "completed"));
    this.failedDuration = new ByLabel((activity) => duration.labels(activity, "failed"));

    const taskWait = new Histogram({
      name: "flowcraft_activity_schedule_to_start_seconds",
      help: "From when an activity task became visible (queued, or its retry's backoff over) to when a worker took it.",
      labelNames: ["activity"],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
    this.taskWait = new ByLabel((activity) => taskWait.labels(activity));
    this.turnWait = new Histogram({
      name: "flowcraft_turn_schedule_to_start_seconds",
      help: "From when the oldest inbox message of an instance became visible to when a worker claimed the instance for a turn.",
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
    const lateness = new Histogram({
      name: "flowcraft_timer_lateness_seconds",
      help: "How long after its due time a durable timer fired (its turn was planned), by the timer's purpose.",
      labelNames: ["purpose"],
      buckets: LATENCY_BUCKETS_SECONDS,
      registers: [registry],
    });
    this.timerLateness = new ByLabel((purpose) => lateness.labels(purpose));

    registerDatabaseGauges(registry, db);
    registerWorkerGauges(registry, this.liveness);
  }
}
