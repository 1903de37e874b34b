/** Schedules of workflows: what the REST API and the web app call to keep them and to start their runs by hand. */
import { randomBytes } from "node:crypto";
import type { Database, Prisma, Schedule } from "@flowcraft/db";
import { evaluate as evaluateHere, type Evaluator, type Json, type RuntimeStatus } from "@flowcraft/engine";
import { z } from "zod";
import { invalid, notFound } from "../errors.ts";
import type { Instances } from "../instances.ts";
import { storableJson } from "../stored-json.ts";
import { workflowNotFound } from "../workflows.ts";
import { fireTimeOf, timingOf } from "./schedule-firing.ts";
import { startOccurrence } from "./schedule-occurrences.ts";
import { CheckedTimingSchema, ScheduleSpecSchema, type OverlapPolicy, type ScheduleSpec } from "./schedule-spec.ts";
import { nextOccurrence, nextOccurrences, PREVIEW_RUNS } from "./schedule-timing.ts";

/** Most runs one backfill starts: a larger range is asked for in parts. */
export const MAX_BACKFILL_RUNS = 1_000;
/** Runs a schedule's view lists, newest first. */
const RECENT_RUNS = 5;
const ID_PATTERN = /^[A-Za-z0-9._-]{1,200}$/;

export interface ScheduleView {
  id: string;
  workflowName: string;
  cron: string | null;
  intervalSeconds: number | null;
  timeZone: string;
  input: Json;
  inputExpression: string | null;
  startAt: string | null;
  endAt: string | null;
  jitterSeconds: number;
  paused: boolean;
  overlap: OverlapPolicy;
  catchupWindowSeconds: number;
  /** The next occurrences, up to five; none while paused. */
  nextRuns: string[];
  /** An occurrence held back by buffer_one until the previous run ends. */
  bufferedAt: string | null;
  /** Why the latest occurrence did not start; null once one starts. */
  lastError: string | null;
  recentRuns: ScheduledRun[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScheduledRun {
  instanceId: string;
  scheduledAt: string;
  runtimeStatus: RuntimeStatus;
}

export interface BackfillResult {
  /** Instances this backfill started. */
  started: string[];
  /** Occurrences of the range whose instance existed already: left as they were. */
  alreadyStarted: string[];
}

export const BackfillSchema = z
  .object({
    from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone offset" }),
    to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time with a time zone offset" }),
  })
  .strict()
  .refine((range) => new Date(range.from) < new Date(range.to), { path: ["to"], message: "must be after from" });

export class Schedules {
  /** Evaluates input expressions of runs started by hand: a sandbox's, or in this process within the engine's budgets. */
  private readonly evaluate: Evaluator;

  constructor(
    private readonly db: Database,
    private readonly instances: Instances,
    options: { evaluate?: Evaluator } = {},
  ) {
    this.evaluate = options.evaluate ?? evaluateHere;
  }

  async create(workflowName: string, spec: unknown, by?: string): Promise<ScheduleView> {
    const parsed = ScheduleSpecSchema.parse(spec);
    if (!(await this.db.prisma.workflow.findUnique({ where: { name: workflowName } }))) throw workflowNotFound(workflowName.slice(0, 200));
    const id = `${workflowName}-${randomBytes(4).toString("hex")}`;
    const row = await this.db.prisma.schedule.create({ data: { id, workflowName, ...this.stored(id, parsed), createdBy: by ?? null } });
    return this.view(row);
  }

  /** Replaces what the schedule is; its next run is counted anew from now, and a buffered occurrence is dropped. */
  async update(id: string, spec: unknown): Promise<ScheduleView> {
    const parsed = ScheduleSpecSchema.parse(spec);
    await this.row(id);
    const row = await this.updateRow(id, { ...this.stored(id, parsed), bufferedAt: null });
    return this.view(row);
  }

  async delete(id: string): Promise<void> {
    const { count } = await this.db.prisma.schedule.deleteMany({ where: { id } });
    if (count === 0) throw scheduleNotFound(id);
  }

  async get(id: string): Promise<ScheduleView> {
    return this.view(await this.row(id));
  }

  async list(workflowName: string): Promise<ScheduleView[]> {
    const rows = await this.db.prisma.schedule.findMany({ where: { workflowName }, orderBy: { createdAt: "asc" } });
    return Promise.all(rows.map((row) => this.view(row)));
  }

  async pause(id: string): Promise<ScheduleView> {
    await this.row(id);
    return this.view(await this.updateRow(id, { paused: true }));
  }

  /** Resumes from now: occurrences that fell while it was paused are not made up. */
  async resume(id: string): Promise<ScheduleView> {
    const row = await this.row(id);
    return this.view(await this.updateRow(id, { paused: false, ...this.nextFrom(row, new Date()) }));
  }

  /** Starts a run now, whatever the overlap policy: someone asked for it. */
  async trigger(id: string, by?: string): Promise<{ instanceId: string }> {
    const schedule = await this.row(id);
    const outcome = await startOccurrence(this.instances, this.evaluate, schedule, new Date(), by ?? `schedule:${id}`);
    if (outcome.instanceId === null) throw invalid(outcome.error);
    return { instanceId: outcome.instanceId };
  }

  /**
   * Starts the runs of the schedule's occurrences in [from, to], all of them whatever the overlap
   * policy, under the ids the schedule would have given them: a repeated backfill, or one over
   * runs that did happen, starts nothing twice.
   */
  async backfill(id: string, range: unknown, by?: string): Promise<BackfillResult> {
    const { from, to } = BackfillSchema.parse(range);
    const schedule = await this.row(id);
    const [fromDate, toDate] = [new Date(from), new Date(to)];
    if (toDate > new Date()) throw invalid(`to (${to}) is in the future; a backfill starts past runs only`);
    const occurrences = nextOccurrences(timingOf(schedule), new Date(fromDate.getTime() - 1), MAX_BACKFILL_RUNS + 1).filter((at) => at <= toDate);
    if (occurrences.length > MAX_BACKFILL_RUNS) throw invalid(`the range holds more than ${MAX_BACKFILL_RUNS} runs; backfill it in parts`);
    const result: BackfillResult = { started: [], alreadyStarted: [] };
    for (const occurrence of occurrences) {
      const outcome = await startOccurrence(this.instances, this.evaluate, schedule, occurrence, by ?? `schedule:${id}`);
      if (outcome.instanceId === null) throw invalid(`${outcome.error} (the runs before it started)`);
      (outcome.started ? result.started : result.alreadyStarted).push(outcome.instanceId);
    }
    return result;
  }

  /** The next runs of a timing not saved yet, so a form can show them as the cron is typed. */
  preview(timing: unknown, count = PREVIEW_RUNS): string[] {
    const parsed = CheckedTimingSchema.parse(timing);
    return nextOccurrences(timingOf(timingFields(parsed)), new Date(), count).map((at) => at.toISOString());
  }

  private async row(id: string): Promise<Schedule> {
    const row = ID_PATTERN.test(id) ? await this.db.prisma.schedule.findUnique({ where: { id } }) : null;
    if (!row) throw scheduleNotFound(id);
    return row;
  }

  /** Every change moves updated_at: a firing round that claimed the schedule before it then leaves its state alone. */
  private async updateRow(id: string, data: Prisma.ScheduleUncheckedUpdateInput): Promise<Schedule> {
    try {
      return await this.db.prisma.schedule.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
    } catch (error) {
      // Deleted since it was read.
      if ((error as { code?: string }).code === "P2025") throw scheduleNotFound(id);
      throw error;
    }
  }

  private stored(id: string, spec: ScheduleSpec) {
    const input = (spec.input ?? null) as Json;
    storableJson("the input", input);
    const fields = {
      ...timingFields(spec),
      // The column holds JSON null as a value, as an instance's input does.
      input: input as Prisma.InputJsonValue,
      inputExpression: spec.inputExpression ?? null,
      jitterSeconds: spec.jitterSeconds,
      paused: spec.paused,
      overlap: spec.overlap,
      catchupWindowSeconds: spec.catchupWindowSeconds,
    };
    return { ...fields, ...this.nextFrom({ id, ...fields }, new Date()) };
  }

  private nextFrom(schedule: Pick<Schedule, "id" | "jitterSeconds" | "cron" | "intervalSeconds" | "timeZone" | "startAt" | "endAt">, now: Date) {
    const nextRunAt = nextOccurrence(timingOf(schedule), now);
    return { nextRunAt, nextFireAt: fireTimeOf(schedule, nextRunAt) };
  }

  private async view(row: Schedule): Promise<ScheduleView> {
    const runs = await this.db.prisma.instance.findMany({
      where: { scheduleId: row.id },
      orderBy: { scheduledAt: "desc" },
      take: RECENT_RUNS,
      select: { id: true, scheduledAt: true, status: true },
    });
    const next = row.paused || !row.nextRunAt ? [] : [row.nextRunAt, ...nextOccurrences(timingOf(row), row.nextRunAt, PREVIEW_RUNS - 1)];
    return {
      id: row.id,
      workflowName: row.workflowName,
      cron: row.cron,
      intervalSeconds: row.intervalSeconds,
      timeZone: row.timeZone,
      input: (row.input ?? null) as Json,
      inputExpression: row.inputExpression,
      startAt: row.startAt?.toISOString() ?? null,
      endAt: row.endAt?.toISOString() ?? null,
      jitterSeconds: row.jitterSeconds,
      paused: row.paused,
      overlap: row.overlap as OverlapPolicy,
      catchupWindowSeconds: row.catchupWindowSeconds,
      nextRuns: next.map((at) => at.toISOString()),
      bufferedAt: row.bufferedAt?.toISOString() ?? null,
      lastError: row.lastError,
      recentRuns: runs.map((run) => ({ instanceId: run.id, scheduledAt: run.scheduledAt!.toISOString(), runtimeStatus: run.status as RuntimeStatus })),
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function timingFields(timing: { cron?: string | undefined; intervalSeconds?: number | undefined; timeZone: string; startAt?: string | null | undefined; endAt?: string | null | undefined }) {
  return {
    cron: timing.cron ?? null,
    intervalSeconds: timing.intervalSeconds ?? null,
    timeZone: timing.timeZone,
    startAt: timing.startAt ? new Date(timing.startAt) : null,
    endAt: timing.endAt ? new Date(timing.endAt) : null,
  };
}

const scheduleNotFound = (id: string) => notFound(`there is no schedule "${id.slice(0, 200)}"`);
