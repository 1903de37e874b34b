/** Records which activity names workers provide, so publishing can reject unknown ones. */
import type pg from "pg";

export async function recordActivities(pool: pg.Pool, names: string[]) {
  await pool.query(
    `INSERT INTO activity_registration (name, last_seen_at) SELECT unnest($1::text[]), now()
     ON CONFLICT (name) DO UPDATE SET last_seen_at = now()`,
    [names],
  );
}
