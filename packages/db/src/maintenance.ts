/**
 * What the database must do on its own for Flowcraft to stay fast. The queue tables churn: every
 * step inserts and deletes task and inbox rows, and every turn rewrites its instance row. Without
 * autovacuum their dead rows pile up and their statistics go stale, and claims and stores slow
 * down hour by hour. Nothing fails, so the start-up log is the place to say it.
 */
import type pg from "pg";

/** The tables whose rows churn with every step. */
const CHURNING_TABLES = ["activity_task", "inbox_message", "instance", "open_wait"];

/** One line per setting that will slow the runtime down over time; none on a well-kept server. */
export async function maintenanceWarnings(pool: pg.Pool): Promise<string[]> {
  const { rows: settings } = await pool.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('autovacuum', 'track_counts')",
  );
  const on = (name: string) => settings.find((row) => row.name === name)?.setting === "on";
  const warnings: string[] = [];
  // Autovacuum needs the statistics collector to know which tables changed.
  if (!on("autovacuum") || !on("track_counts")) {
    const which = on("autovacuum") ? "track_counts is off (autovacuum needs it)" : "autovacuum is off on this Postgres server";
    warnings.push(
      `${which}: the queue tables (${CHURNING_TABLES.join(", ")}) keep their dead rows, and steps slow down as they pile up. ` +
        "Turn it on (ALTER SYSTEM SET autovacuum = on; SELECT pg_reload_conf()) or run VACUUM ANALYZE on them regularly.",
    );
  }
  const { rows: disabled } = await pool.query<{ table: string }>(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ANY($1::text[]) AND 'autovacuum_enabled=false' = ANY(c.reloptions)
     ORDER BY c.relname`,
    [CHURNING_TABLES],
  );
  for (const { table } of disabled) {
    warnings.push(`autovacuum is off for table ${table} (ALTER TABLE ${table} RESET (autovacuum_enabled) turns it back on): its dead rows pile up`);
  }
  return warnings;
}
