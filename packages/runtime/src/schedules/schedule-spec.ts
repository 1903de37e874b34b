/**
 * What a caller says a schedule is: one zod schema for the REST body, the tRPC input and the
 * designer's form. Everything a worker would otherwise fail on later (a cron croner cannot read,
 * an unknown zone, an end before the start, an input expression that does not parse) is refused
 * here, with the field it concerns.
 */
import { checkExpression } from "@flowcraft/definition";
import { z } from "zod";
import { cronOf } from "./schedule-timing.ts";

export const OVERLAP_POLICIES = ["skip", "buffer_one", "allow_all", "terminate_previous"] as const;
export type OverlapPolicy = (typeof OVERLAP_POLICIES)[number];

/** Longest interval: a year, so that an interval schedule fires at least yearly, like a cron. */
const MAX_INTERVAL_SECONDS = 366 * 86_400;
/** Longest jitter and catch-up window: a day is plenty to spread load; a year bounds the catch-up loop. */
const MAX_JITTER_SECONDS = 86_400;
const MAX_CATCHUP_WINDOW_SECONDS = 366 * 86_400;
/** Catch-up window when none is given: an hour of downtime is made up, a longer one is not. */
export const DEFAULT_CATCHUP_WINDOW_SECONDS = 3_600;

/** Whether the runtime knows the IANA zone (Intl throws a RangeError for one it does not). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(isTimeZone, { error: (issue) => `"${String(issue.input).slice(0, 100)}" is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)` });

const Instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone offset, e.g. 2026-03-08T02:30:00Z" });

/** The timing alone: what the preview of an unsaved schedule takes. */
export const ScheduleTimingSchema = z
  .object({
    cron: z.string().trim().min(1).max(200).optional(),
    intervalSeconds: z.number().int().min(1).max(MAX_INTERVAL_SECONDS).optional(),
    timeZone: TimeZoneSchema.default("UTC"),
    startAt: Instant.nullish(),
    endAt: Instant.nullish(),
  })
  .strict();

export const ScheduleSpecSchema = ScheduleTimingSchema.extend({
  /** The input of every run, or null. */
  input: z.json().optional(),
  /** A JSONata expression over { scheduledAt, schedule: { id, workflowName } } that makes the input. */
  inputExpression: z.string().min(1).max(10_000).optional(),
  jitterSeconds: z.number().int().min(0).max(MAX_JITTER_SECONDS).default(0),
  paused: z.boolean().default(false),
  overlap: z.enum(OVERLAP_POLICIES).default("skip"),
  catchupWindowSeconds: z.number().int().min(0).max(MAX_CATCHUP_WINDOW_SECONDS).default(DEFAULT_CATCHUP_WINDOW_SECONDS),
})
  .strict()
  .superRefine((spec, context) => {
    checkTiming(spec, context);
    if (spec.input !== undefined && spec.inputExpression !== undefined) {
      context.addIssue({ code: "custom", path: ["inputExpression"], message: "give either input or inputExpression, not both" });
    }
    const why = spec.inputExpression === undefined ? null : checkExpression(spec.inputExpression);
    if (why) context.addIssue({ code: "custom", path: ["inputExpression"], message: why });
  });

export type ScheduleTimingInput = z.input<typeof ScheduleTimingSchema>;
export type ScheduleSpecInput = z.input<typeof ScheduleSpecSchema>;
export type ScheduleSpec = z.output<typeof ScheduleSpecSchema>;

/** The timing checks, shared by the preview and the full spec. */
export function checkTiming(timing: z.output<typeof ScheduleTimingSchema>, context: z.RefinementCtx) {
  if ((timing.cron === undefined) === (timing.intervalSeconds === undefined)) {
    context.addIssue({ code: "custom", path: ["cron"], message: "give either cron or intervalSeconds, not both and not neither" });
  }
  if (timing.cron !== undefined && isTimeZone(timing.timeZone)) {
    try {
      cronOf(timing.cron, timing.timeZone);
    } catch (error) {
      context.addIssue({ code: "custom", path: ["cron"], message: `"${timing.cron}" is not a cron expression croner reads: ${(error as Error).message}` });
    }
  }
  if (timing.startAt && timing.endAt && new Date(timing.endAt) <= new Date(timing.startAt)) {
    context.addIssue({ code: "custom", path: ["endAt"], message: "must be after startAt" });
  }
}

export const CheckedTimingSchema = ScheduleTimingSchema.superRefine(checkTiming);
