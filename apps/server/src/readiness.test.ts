/**
 * GET /api/health/ready holds the database's migrations to the build's: ready when they are the
 * same, 503 naming each one that is missing, unknown to the build, or changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "@flowcraft/db";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const ready = async () => {
  const response = await fetch(`${server.url}/api/health/ready`);
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as any };
};

describe("GET /api/health/ready", () => {
  it("is ready on a database with exactly the build's migrations, and asks for no credentials", async () => {
    expect(await ready()).toEqual({ status: 200, retryAfter: null, body: { status: "ready" } });
  });

  it("is not ready while a migration is missing, unknown to the build, or changed, naming it", async () => {
    const last = readMigrations().at(-1)!;
    const pool = server.db.pool;
    const { rows } = await pool.query<{ checksum: string; applied_at: Date }>("DELETE FROM _flowcraft_migrations WHERE name = $1 RETURNING checksum, applied_at", [last.name]);
    try {
      const missing = await ready();
      expect(missing.status).toBe(503);
      expect(missing.retryAfter).toBe("5");
      expect(missing.body).toEqual({ error: { code: "unavailable", message: `the database does not match this build: migrations not applied: ${last.name}` } });

      await pool.query("INSERT INTO _flowcraft_migrations (name, checksum) VALUES ('99990101000000_from_a_newer_build', 'x'), ($1, 'not its checksum')", [last.name]);
      const drifted = await ready();
      expect(drifted.status).toBe(503);
      expect(drifted.body.error.message).toBe(
        "the database does not match this build: migrations applied that this build does not know (a newer build migrated the database): 99990101000000_from_a_newer_build; " +
          `migrations applied with other SQL than this build's: ${last.name}`,
      );
    } finally {
      await pool.query("DELETE FROM _flowcraft_migrations WHERE name IN ($1, '99990101000000_from_a_newer_build')", [last.name]);
      await pool.query("INSERT INTO _flowcraft_migrations (name, checksum, applied_at) VALUES ($1, $2, $3)", [last.name, rows[0]!.checksum, rows[0]!.applied_at]);
    }
    expect((await ready()).status).toBe(200);
  });

  it("is not ready on a database never migrated", async () => {
    const pool = server.db.pool;
    await pool.query("ALTER TABLE _flowcraft_migrations RENAME TO _flowcraft_migrations_aside");
    try {
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.error.message).toBe(`the database does not match this build: migrations not applied: ${readMigrations().map((m) => m.name).join(", ")}`);
    } finally {
      await pool.query("ALTER TABLE _flowcraft_migrations_aside RENAME TO _flowcraft_migrations");
    }
  });
});
