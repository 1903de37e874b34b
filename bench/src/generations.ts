/**
 * How long the generations of a long-lived instance take, from its history: each generation runs
 * from its first event to its last (the continue-as-new). The median of the first and of the last
 * hundred tell whether a generation costs more the more came before it.
 */
import type { Database } from "@flowcraft/db";

/** Generations in each median. */
const SAMPLE = 100;

export interface GenerationTimes {
  generations: number;
  first_generations_ms: number;
  last_generations_ms: number;
}

export async function generationTimes(db: Database, prefix: string): Promise<GenerationTimes | Record<string, never>> {
  const { rows } = await db.pool.query(
    `SELECT generation, EXTRACT(EPOCH FROM max(at) - min(at)) * 1000 AS ms
     FROM history_event WHERE starts_with(instance_id, $1)
     GROUP BY instance_id, generation ORDER BY instance_id, generation`,
    [prefix],
  );
  // The last generation ends the instance instead of continuing: not a full round.
  const durations = rows.slice(0, -1).map((row) => Number(row.ms));
  if (durations.length === 0) return {};
  return {
    generations: rows.length,
    first_generations_ms: median(durations.slice(0, SAMPLE)),
    last_generations_ms: median(durations.slice(-SAMPLE)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}
