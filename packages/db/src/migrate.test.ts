import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "./migrate.ts";
import { createEmptyDatabase, createTestDatabase } from "./testing.ts";

/** Everything Postgres knows about the public schema's shape, in a comparable form. */
async function catalogOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`
        SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, datetime_precision
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_flowcraft_migrations'
        ORDER BY table_name, column_name`),
      indexes: await query(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_flowcraft_migrations'
        ORDER BY tablename, indexname`),
      constraints: await query(`
        SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_flowcraft_migrations'
        ORDER BY 1, 2`),
      enums: await query(`
        SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    };
  } finally {
    await client.end();
  }
}

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const fn of cleanup) await fn();
});

describe("migrations", () => {
  it("a database built from the migrations matches schema.prisma exactly", async () => {
    const migrated = await createTestDatabase();
    cleanup.push(() => migrated.destroy());
    const fromSchema = await createEmptyDatabase();
    cleanup.push(() => fromSchema.destroy());

    const script = fileURLToPath(new URL("../scripts/schema-sql.sh", import.meta.url));
    // Asynchronously: with PGlite the database is served by this very process.
    const { stdout: sql } = await promisify(execFile)("bash", [script], { env: { ...process.env, DATABASE_URL: fromSchema.url } });
    const client = new pg.Client({ connectionString: fromSchema.url });
    await client.connect();
    await client.query(sql);
    await client.end();

    const expected = await catalogOf(fromSchema.url);
    expect(expected.columns.length).toBeGreaterThan(20);
    expect(await catalogOf(migrated.url)).toEqual(expected);
  });

  it("applies each migration once and refuses one that was edited after it ran", async () => {
    const db = await createTestDatabase();
    cleanup.push(() => db.destroy());
    expect(await migrate(db.pool)).toEqual([]);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: "changed" } : m));
    await expect(migrate(db.pool, edited)).rejects.toThrow(/was changed after it was applied/);
  });
});
