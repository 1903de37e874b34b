/**
 * Firing due schedules: a worker claims them under a lease (FOR UPDATE SKIP LOCKED, as it claims
 * instances), starts their due occurrences and stores the next one. A second worker skips a
 * leased schedule; a worker that dies mid-round leaves the lease to expire, and whoever fires the
 * schedule next starts its occurrences again under the same instance ids, which is a no-op.
 */
import { queryPrepared, type Database, type Schedule } from "@flowcraft/db";
import { TERMINAL_STATUSES, type Evaluator, type RuntimeStatus } from "@flowcraft/engine";
import { ClientError } from "../errors.ts";
import type { Instances } from "../instances.ts";
import { startOccurrence } from "./schedule-occurrences.ts";
import type { OverlapPolicy } from "./schedule-spec.ts";
import { jitterMs, nextOccurrence, type ScheduleTiming } from "./schedule-timing.ts";

/** How long a claimed schedule stays this worker's: far longer than a round takes. */
export const SCHEDULE_LEASE_SECONDS = 30;
/** Schedules claimed per round. */
const SCHEDULES_PER_ROUND = 20;
/** Occurrences one schedule works through per round: a long backlog goes over several rounds, each under a fresh lease. */
const OCCURRENCES_PER_ROUND = 100;

export interface FireOptions {
  /** Where input expressions are evaluated: the worker's sandbox. */
  evaluate: Evaluator;
  /** The time to fire up to; the database's clock unless given (tests pass one). */
  now?: Date;
}

/** The state a round changes, written back when it ends. */
interface FiringState {
  nextRunAt: Date | null;
  bufferedAt: Date | null;
  lastInstanceId: string | null;
  lastError: string | null;
}

/** Claims due schedules and fires them; returns how many it claimed. */
export async function fireDueSchedules(db: Database, instances: Instances, owner: string, options: FireOptions): Promise<number> {
  const { rows } = await queryPrepared<{ id: string; now: Date }>(
    db.pool,
    "flowcraft_claim_schedules",
    `WITH due AS (
       SELECT id FROM schedule
       WHERE NOT paused
         -- A buffered occurrence waits on the previous run, which only a look can tell has ended.
         AND (next_fire_at <= coalesce($2::timestamptz, now()) OR buffered_at IS NOT NULL)
         AND (lease_expires_at IS NULL OR lease_expires_at < now())
       ORDER BY next_fire_at NULLS LAST
       LIMIT $4
       FOR UPDATE SKIP LOCKED
     )
     UPDATE schedule s SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $3)
     FROM due WHERE s.id = due.id
     RETURNING s.id, coalesce($2::timestamptz, now()) AS now`,
    [owner, options.now ?? null, SCHEDULE_LEASE_SECONDS, SCHEDULES_PER_ROUND],
  );
  if (rows.length === 0) return 0;
  const now = rows[0]!.now;
  const schedules = await db.prisma.schedule.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  // One schedule's failure (the database, the sandbox) does not hold back the others claimed with it.
  const failures: unknown[] = [];
  for (const schedule of schedules) {
    let state: FiringState | null = null;
    try {
      state = await fireSchedule(db, instances, options.evaluate, schedule, now);
    } catch (error) {
      failures.push(error);
    }
    await storeRound(db, owner, schedule, state);
  }
  if (failures.length > 0) throw failures.length === 1 ? failures[0] : new AggregateError(failures, `${failures.length} schedules failed to fire`);
  return rows.length;
}

/** The timing part of a stored schedule. */
export function timingOf(schedule: Pick<Schedule, "cron" | "intervalSeconds" | "timeZone" | "startAt" | "endAt">): ScheduleTiming {
  return { cron: schedule.cron, intervalSeconds: schedule.intervalSeconds, timeZone: schedule.timeZone, startAt: schedule.startAt, endAt: schedule.endAt };
}

/** When an occurrence fires: its time plus its jitter. */
export function fireTimeOf(schedule: Pick<Schedule, "id" | "jitterSeconds">, occurrence: Date | null): Date | null {
  return occurrence && new Date(occurrence.getTime() + jitterMs(schedule.id, occurrence, schedule.jitterSeconds));
}

async function fireSchedule(db: Database, instances: Instances, evaluate: Evaluator, schedule: Schedule, now: Date): Promise<FiringState> {
  const state: FiringState = { nextRunAt: schedule.nextRunAt, bufferedAt: schedule.bufferedAt, lastInstanceId: schedule.lastInstanceId, lastError: schedule.lastError };
  const start = async (occurrence: Date) => {
    const outcome = await startOccurrence(instances, evaluate, schedule, occurrence, `schedule:${schedule.id}`);
    if (outcome.instanceId === null) state.lastError = outcome.error;
    else [state.lastInstanceId, state.lastError] = [outcome.instanceId, null];
  };
  const previousRuns = async () => state.lastInstanceId !== null && !(await hasEnded(db, state.lastInstanceId));

  if (state.bufferedAt && !(await previousRuns())) {
    const buffered = state.bufferedAt;
    state.bufferedAt = null;
    await start(buffered);
  }
  const windowStart = now.getTime() - schedule.catchupWindowSeconds * 1000;
  for (let fired = 0; fired < OCCURRENCES_PER_ROUND; fired++) {
    const occurrence = state.nextRunAt;
    if (!occurrence || fireTimeOf(schedule, occurrence)! > now) break;
    // Older than the catch-up window: missed for good, never started late.
    if (occurrence.getTime() >= windowStart) await overlapping(schedule.overlap as OverlapPolicy, occurrence);
    state.nextRunAt = nextOccurrence(timingOf(schedule), occurrence);
  }
  return state;

  async function overlapping(policy: OverlapPolicy, occurrence: Date) {
    if (policy === "allow_all" || !(await previousRuns())) return start(occurrence);
    if (policy === "buffer_one") state.bufferedAt ??= occurrence;
    if (policy === "terminate_previous") {
      await instances.terminate(state.lastInstanceId!, { reason: `the schedule's run of ${occurrence.toISOString()} replaces it`, by: `schedule:${schedule.id}` }).catch(ignoreEnded);
      await start(occurrence);
    }
  }
}

/** Whether the instance has ended, or is gone (purged). */
async function hasEnded(db: Database, instanceId: string): Promise<boolean> {
  const row = await db.prisma.instance.findUnique({ where: { id: instanceId }, select: { status: true } });
  return !row || TERMINAL_STATUSES.has(row.status as RuntimeStatus);
}

/** Terminating a run that ended, or was purged, meanwhile is no failure. */
function ignoreEnded(error: unknown) {
  if (!(error instanceof ClientError && (error.code === "conflict" || error.code === "not_found"))) throw error;
}

/**
 * Releases the lease and stores the round's state, unless someone edited, paused or resumed the
 * schedule meanwhile (its updated_at moved): their next run time stands, and the occurrences this
 * round started are ones the next round would start anyway, under the same ids.
 */
async function storeRound(db: Database, owner: string, schedule: Schedule, state: FiringState | null) {
  await queryPrepared(
    db.pool,
    "flowcraft_store_schedule_round",
    `UPDATE schedule SET lease_owner = NULL, lease_expires_at = NULL,
       next_run_at = CASE WHEN $3 AND updated_at = $4 THEN $5 ELSE next_run_at END,
       next_fire_at = CASE WHEN $3 AND updated_at = $4 THEN $6 ELSE next_fire_at END,
       buffered_at = CASE WHEN $3 AND updated_at = $4 THEN $7 ELSE buffered_at END,
       last_instance_id = CASE WHEN $3 THEN coalesce($8, last_instance_id) ELSE last_instance_id END,
       last_error = CASE WHEN $3 THEN $9 ELSE last_error END
     WHERE id = $1 AND lease_owner = $2`,
    [
      schedule.id,
      owner,
      state !== null,
      schedule.updatedAt,
      state?.nextRunAt ?? null,
      state && fireTimeOf(schedule, state.nextRunAt),
      state?.bufferedAt ?? null,
      state?.lastInstanceId ?? null,
      state?.lastError ?? null,
    ],
  );
}

/** Milliseconds until the next schedule is due, or null when none is. */
export async function nextScheduleDueInMs(db: Database): Promise<number | null> {
  const { rows } = await queryPrepared<{ ms: string | null }>(
    db.pool,
    "flowcraft_next_schedule_due",
    "SELECT EXTRACT(EPOCH FROM (min(next_fire_at) - now())) * 1000 AS ms FROM schedule WHERE NOT paused",
    [],
  );
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}
