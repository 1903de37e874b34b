/**
 * When a schedule's occurrences fall: cron expressions read in a time zone (croner), or a fixed
 * interval counted from the start date. Pure: the caller passes every instant it asks about.
 *
 * Daylight saving, as croner reads a wall-clock time: a time that does not exist (02:30 on the day
 * clocks spring forward) fires once, at the end of the gap (03:00); a time that happens twice
 * (01:30 on the day clocks fall back) fires once, the first time. Patterns that match every hour
 * (or finer) keep firing every real hour: 23 runs on the short day, 25 on the long one. An
 * interval counts elapsed time and ignores the zone.
 */
import { createHash } from "node:crypto";
import { Cron } from "croner";

export interface ScheduleTiming {
  /** Cron expression: 5 fields, or 6 with seconds first. */
  cron: string | null;
  intervalSeconds: number | null;
  timeZone: string;
  startAt: Date | null;
  endAt: Date | null;
}

/** How many occurrences a preview shows. */
export const PREVIEW_RUNS = 5;

/** Parses a cron expression, or throws with croner's words on what is wrong. */
export function cronOf(expression: string, timeZone: string): Cron {
  return new Cron(expression, { timezone: timeZone, paused: true });
}

/** The first occurrence after `after` (strictly), within the start and end dates; null if none is left. */
export function nextOccurrence(timing: ScheduleTiming, after: Date): Date | null {
  const from = timing.startAt && timing.startAt > after ? new Date(timing.startAt.getTime() - 1) : after;
  const next = timing.cron !== null ? cronOf(timing.cron, timing.timeZone).nextRun(from) : nextInterval(timing, from);
  if (!next || (timing.endAt && next > timing.endAt)) return null;
  return next;
}

/** Up to `count` occurrences after `after`. */
export function nextOccurrences(timing: ScheduleTiming, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  for (let at = nextOccurrence(timing, after); at && runs.length < count; at = nextOccurrence(timing, at)) runs.push(at);
  return runs;
}

function nextInterval(timing: ScheduleTiming, after: Date): Date {
  // Anchored to the start date, or to the epoch so that "every 15 minutes" falls on :00, :15, ...
  const anchorMs = timing.startAt?.getTime() ?? 0;
  const stepMs = timing.intervalSeconds! * 1000;
  const elapsed = after.getTime() - anchorMs;
  return new Date(anchorMs + (elapsed < 0 ? 0 : (Math.floor(elapsed / stepMs) + 1) * stepMs));
}

/**
 * How late an occurrence fires, in ms below `jitterSeconds`: drawn from a hash of the schedule
 * and the occurrence, so every worker, and every retry, picks the same moment.
 */
export function jitterMs(scheduleId: string, occurrence: Date, jitterSeconds: number): number {
  if (jitterSeconds <= 0) return 0;
  const hash = createHash("sha256").update(`${scheduleId}\n${occurrence.toISOString()}`).digest();
  return Math.floor((hash.readUInt32BE(0) / 2 ** 32) * jitterSeconds * 1000);
}

/** The instance an occurrence starts: the same id for every worker that fires it. */
export function occurrenceInstanceId(scheduleId: string, occurrence: Date): string {
  return `${scheduleId}:${occurrence.toISOString()}`;
}
