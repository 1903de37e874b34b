/**
 * Pruning the history a long-lived instance leaves behind. Each continue-as-new starts a fresh
 * generation and records the range of history the old one holds (ended_generation); once that
 * generation has been over for the instance's retention period (its workflow's, else the
 * installation's; 0 keeps it for ever), its events are deleted by primary-key range, a bounded
 * batch at a time, off the hot path of turns. The current generation is never in ended_generation.
 */
import type pg from "pg";

/** Ended generations pruned per statement: each is a short range of one instance's history. */
const GENERATIONS_PER_BATCH = 200;
/** Batches per pruning round at most, so one round never holds a connection for long. */
const BATCHES_PER_ROUND = 10;

export interface Pruned {
  generations: number;
  events: number;
}

export interface PruneRound extends Pruned {
  /** Stopped at the round's bound: more may be due. */
  more: boolean;
}

export interface PruneOptions {
  /** The installation's retention in days; 0 keeps generations for ever. */
  defaultDays: number;
  /** The clock retention counts against; the database's by default. */
  now?: Date;
  limit?: number;
}

/** Deletes one batch of generations past their retention, with their events. */
export async function pruneEndedGenerations(db: pg.Pool, options: PruneOptions): Promise<Pruned> {
  const { rows } = await db.query(
    `WITH now AS (SELECT coalesce($1::timestamptz, now()) AS at),
     -- The shortest retention anywhere bounds the scan of the ended_at index.
     shortest AS (
       SELECT min(days) AS days FROM (SELECT $2::int AS days WHERE $2::int > 0 UNION ALL SELECT retention_days FROM workflow WHERE retention_days > 0) d
     ),
     due AS (
       SELECT g.instance_id, g.generation, g.first_seq, g.last_seq
       FROM ended_generation g JOIN instance i ON i.id = g.instance_id LEFT JOIN workflow w ON w.name = i.workflow_name
       WHERE g.ended_at <= (SELECT at FROM now) - make_interval(days => (SELECT days FROM shortest))
         AND coalesce(w.retention_days, $2::int) > 0
         AND g.ended_at <= (SELECT at FROM now) - make_interval(days => coalesce(w.retention_days, $2::int))
       ORDER BY g.ended_at
       LIMIT $3
       FOR UPDATE OF g SKIP LOCKED
     ),
     events AS (
       DELETE FROM history_event h USING due
       WHERE h.instance_id = due.instance_id AND h.seq BETWEEN due.first_seq AND due.last_seq
       RETURNING 1
     ),
     gone AS (
       DELETE FROM ended_generation g USING due WHERE g.instance_id = due.instance_id AND g.generation = due.generation
     )
     SELECT (SELECT count(*) FROM due) AS generations, (SELECT count(*) FROM events) AS events`,
    [options.now ?? null, options.defaultDays, options.limit ?? GENERATIONS_PER_BATCH],
  );
  return { generations: Number(rows[0].generations), events: Number(rows[0].events) };
}

/** One pruning round: batches until there is nothing more to prune, or the round's bound. */
export async function pruneRound(db: pg.Pool, options: PruneOptions): Promise<PruneRound> {
  const limit = options.limit ?? GENERATIONS_PER_BATCH;
  const total: PruneRound = { generations: 0, events: 0, more: true };
  for (let batch = 0; batch < BATCHES_PER_ROUND; batch++) {
    const pruned = await pruneEndedGenerations(db, { ...options, limit });
    total.generations += pruned.generations;
    total.events += pruned.events;
    if (pruned.generations < limit) return { ...total, more: false };
  }
  return total;
}
