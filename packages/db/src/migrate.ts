/** Applies prisma/migrations/<name>/migration.sql in order, each once, in one transaction each. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/** Serialises migrations of processes starting at once (server and workers). */
const MIGRATION_LOCK_KEY = 7_240_031;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`${dir}/${entry.name}/migration.sql`))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(`${dir}/${name}/migration.sql`, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Brings the database up to date; returns the names of the migrations it applied. */
export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS _flowcraft_migrations (
         name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _flowcraft_migrations");
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query("INSERT INTO _flowcraft_migrations (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
  return applied;
}

/** How the migrations applied to a database differ from those a build expects; all empty when they match. */
export interface MigrationDrift {
  /** Expected, not applied. */
  missing: string[];
  /** Applied, unknown to this build (a newer build migrated the database). */
  unknown: string[];
  /** Applied with other SQL than this build's. */
  changed: string[];
}

/** Compares the applied migrations with `expected`, changing nothing. */
export async function migrationDrift(pool: pg.Pool, expected = readMigrations()): Promise<MigrationDrift> {
  const { rows } = await pool.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _flowcraft_migrations").catch((error: { code?: string }) => {
    // A database never migrated has no such table: every migration is missing.
    if (error.code === "42P01") return { rows: [] };
    throw error;
  });
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const known = new Set(expected.map((m) => m.name));
  return {
    missing: expected.filter((m) => !applied.has(m.name)).map((m) => m.name),
    unknown: [...applied.keys()].filter((name) => !known.has(name)).sort(),
    changed: expected.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum).map((m) => m.name),
  };
}
