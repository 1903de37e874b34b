/**
 * Fresh, migrated databases for tests: a new database on the Postgres of DATABASE_URL, or an
 * in-memory PGlite when DATABASE_URL is not set.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.ts";
import { connect, type Database } from "./client.ts";
import { migrate } from "./migrate.ts";

export interface TestDatabase extends Database {
  /** Drops the database (or stops PGlite). */
  destroy(): Promise<void>;
}

/** An empty database with no tables; `migrated` adds the schema. */
export async function createEmptyDatabase(): Promise<{ url: string; embedded: boolean; destroy(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres("memory://");
    return { url: embedded.url, embedded: true, destroy: () => embedded.stop() };
  }
  const name = `flowcraft_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    async destroy() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const db = connect(empty.url, { ...options, embedded: empty.embedded });
  await migrate(db.pool);
  return {
    ...db,
    async destroy() {
      await db.close();
      await empty.destroy();
    },
  };
}
