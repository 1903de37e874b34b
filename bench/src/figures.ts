/**
 * The figures every system measured reports, and the JSON line they are printed as (one per
 * scenario and system, on stdout), so that our lines and a peer's compare field by field.
 */
import type { Load } from "./drive.ts";

/** The system a line measured. */
export type System = "flowcraft" | "dbos";

/** Milliseconds; null when there was nothing to measure. */
export interface Percentiles {
  p50: number | null;
  p99: number | null;
}

export interface Latencies {
  /** A step from being queued to starting; null for a system that runs steps inline, without a queue. */
  scheduleToStart: Percentiles | null;
  /** A step from starting to completing. */
  stepStartToComplete: Percentiles;
  /** An instance from its start to its completion. */
  instance: Percentiles;
}

export interface Measured {
  workflows: number;
  steps: number;
  seconds: number;
  latencies: Latencies;
}

export function jsonLine(scenario: string, system: System, load: Load, { workflows, steps, seconds, latencies }: Measured, peakMb: number) {
  return {
    scenario,
    system,
    workflows,
    steps,
    seconds: round(seconds, 3),
    workflows_per_s: round(workflows / seconds, 1),
    steps_per_s: round(steps / seconds, 1),
    peak_rss_mb: round(peakMb, 1),
    schedule_to_start_p50_ms: roundOrNull(latencies.scheduleToStart?.p50),
    schedule_to_start_p99_ms: roundOrNull(latencies.scheduleToStart?.p99),
    step_start_to_complete_p50_ms: roundOrNull(latencies.stepStartToComplete.p50),
    step_start_to_complete_p99_ms: roundOrNull(latencies.stepStartToComplete.p99),
    instance_latency_p50_ms: roundOrNull(latencies.instance.p50),
    instance_latency_p99_ms: roundOrNull(latencies.instance.p99),
    ...("inFlight" in load ? { in_flight: load.inFlight, warmup_s: load.warmupSeconds } : {}),
  };
}

/** Reads a `percentile_cont(ARRAY[0.5, 0.99])` result (null when it aggregated no rows). */
export function percentiles(value: number[] | null): Percentiles {
  return { p50: value?.[0] ?? null, p99: value?.[1] ?? null };
}

/**
 * The most memory the process held during a run, sampled at every poll: a cost that grows with
 * an instance's size shows here before it shows in time.
 */
export class PeakMemory {
  private peak = 0;

  reset() {
    this.peak = process.memoryUsage.rss();
  }

  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  get peakMb() {
    return this.peak / 2 ** 20;
  }
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function roundOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : round(value, 1);
}
