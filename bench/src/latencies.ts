/**
 * A run's counts and latency percentiles on our runtime, read from the times in history (stamped
 * by the deciding and the running process, to the millisecond): schedule-to-start is a step's
 * activity_scheduled -> the start of its first attempt (the startedAt its result records),
 * start-to-complete that start -> activity_completed, and an instance's latency its first
 * execution_started -> execution_completed.
 */
import type { Database } from "@flowcraft/db";
import type { MeasuredWindow } from "./drive.ts";
import { percentiles, type Latencies } from "./figures.ts";

export interface HistoryFigures {
  /** Instances that completed (in the window, if one is given). */
  workflows: number;
  /** Activity steps that completed (in the window, if one is given). */
  steps: number;
  latencies: Latencies;
}

/**
 * Everything the run delivered, or only what completed inside `window`: steps by the time they
 * completed, instances by the time they did. The run's instances are those whose ids start with
 * `prefix`, and their children.
 */
export async function historyFigures(db: Database, prefix: string, window: MeasuredWindow | null): Promise<HistoryFigures> {
  const { rows } = await db.pool.query(
    `WITH RECURSIVE run AS (
       SELECT id FROM instance WHERE starts_with(id, $1)
       UNION ALL
       SELECT c.id FROM instance c JOIN run ON c.parent_instance_id = run.id),
     -- Read once, grouped twice: self-joins of the history run for minutes on a large run.
     h AS MATERIALIZED (
       SELECT h.instance_id, h.generation, h.type, h.at, h.data->>'activityId' AS activity_id, (h.data->>'startedAt')::timestamptz AS attempt_started
       FROM history_event h JOIN run ON h.instance_id = run.id
       WHERE h.type IN ('execution_started', 'execution_completed', 'activity_scheduled', 'activity_completed', 'activity_failed')),
     steps AS (
       SELECT min(at) FILTER (WHERE type = 'activity_scheduled') AS scheduled,
              min(attempt_started) AS started,
              min(at) FILTER (WHERE type = 'activity_completed') AS completed
       FROM h WHERE activity_id IS NOT NULL
       GROUP BY instance_id, generation, activity_id),
     instances AS (
       SELECT min(at) FILTER (WHERE type = 'execution_started') AS started,
              min(at) FILTER (WHERE type = 'execution_completed') AS completed
       FROM h GROUP BY instance_id),
     step_figures AS (
       SELECT count(*)::int AS steps,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM started - scheduled) * 1000) AS schedule_to_start,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM completed - started) * 1000) AS start_to_complete
       FROM steps WHERE completed >= coalesce($2::timestamptz, '-infinity') AND completed < coalesce($3::timestamptz, 'infinity')),
     instance_figures AS (
       SELECT count(*)::int AS workflows,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM completed - started) * 1000) AS latency
       FROM instances WHERE completed >= coalesce($2::timestamptz, '-infinity') AND completed < coalesce($3::timestamptz, 'infinity'))
     SELECT * FROM step_figures, instance_figures`,
    [prefix, window?.from ?? null, window?.to ?? null],
  );
  const r = rows[0] as { steps: number; workflows: number; schedule_to_start: number[] | null; start_to_complete: number[] | null; latency: number[] | null };
  return {
    workflows: r.workflows,
    steps: r.steps,
    latencies: {
      scheduleToStart: percentiles(r.schedule_to_start),
      stepStartToComplete: percentiles(r.start_to_complete),
      instance: percentiles(r.latency),
    },
  };
}

/** Parts of a steady window whose step rates are compared. */
export const WINDOW_SLICES = 5;

/**
 * Steps/s in each fifth of a steady window: rates that still drift from the first fifth to the
 * last say the load had not settled, and the run wants a longer WARMUP_S or DURATION.
 */
export async function stepRatesBySlice(db: Database, prefix: string, window: MeasuredWindow): Promise<number[]> {
  const { rows } = await db.pool.query<{ slice: number; steps: number }>(
    `SELECT width_bucket(extract(epoch FROM at), $2, $3, $4) AS slice, count(*)::int AS steps
     FROM history_event
     WHERE starts_with(instance_id, $1) AND type = 'activity_completed' AND at >= to_timestamp($2) AND at < to_timestamp($3)
     GROUP BY 1`,
    [prefix, window.from.getTime() / 1000, window.to.getTime() / 1000, WINDOW_SLICES],
  );
  return sliceRates(rows, window);
}

/** Per-slice counts (slices numbered from 1, missing ones empty) as rates per second. */
export function sliceRates(rows: Array<{ slice: number; steps: number }>, window: MeasuredWindow): number[] {
  const sliceSeconds = (window.to.getTime() - window.from.getTime()) / 1000 / WINDOW_SLICES;
  const counts = new Array<number>(WINDOW_SLICES).fill(0);
  for (const { slice, steps } of rows) counts[slice - 1] = steps;
  return counts.map((steps) => Math.round(steps / sliceSeconds));
}
