/**
 * Pruning the history a long-lived instance leaves behind. Each continue-as-new starts a fresh
 * generation and records the range of history the old one holds (ended_generation); once that
 * generation has been over for the retention window, its events are deleted by primary-key
 * range, a bounded batch at a time, off the hot path of turns.
 */
import type pg from "pg";

/** Ended generations pruned per statement: each is a short range of one instance's history. */
const GENERATIONS_PER_BATCH = 200;
/** Batches per pruning round at most, so one round never holds a connection for long. */
const BATCHES_PER_ROUND = 10;
/** Between pruning rounds of a worker. */
export const PRUNE_INTERVAL_MS = 60_000;
/** How long the history of an ended generation is kept by default: a week. */
export const DEFAULT_GENERATION_RETENTION_SECONDS = 7 * 24 * 3600;

export interface Pruned {
  generations: number;
  events: number;
}

/** Deletes one batch of generations that ended over `retentionSeconds` ago, with their events. */
export async function pruneEndedGenerations(db: pg.Pool, retentionSeconds: number, limit = GENERATIONS_PER_BATCH): Promise<Pruned> {
  const { rows } = await db.query(
    `WITH due AS (
       SELECT instance_id, generation, first_seq, last_seq FROM ended_generation
       WHERE ended_at <= now() - make_interval(secs => $1)
       ORDER BY ended_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED
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
    [retentionSeconds, limit],
  );
  return { generations: Number(rows[0].generations), events: Number(rows[0].events) };
}

/** One pruning round: batches until there is nothing more to prune, or the round's bound. */
export async function pruneRound(db: pg.Pool, retentionSeconds: number): Promise<Pruned> {
  const total: Pruned = { generations: 0, events: 0 };
  for (let batch = 0; batch < BATCHES_PER_ROUND; batch++) {
    const pruned = await pruneEndedGenerations(db, retentionSeconds);
    total.generations += pruned.generations;
    total.events += pruned.events;
    if (pruned.generations < GENERATIONS_PER_BATCH) break;
  }
  return total;
}
