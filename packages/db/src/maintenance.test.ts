import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintenanceWarnings } from "./maintenance.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

describe.runIf(process.env.DATABASE_URL)("maintenance warnings", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("warns when the server's autovacuum is off, and only then", async () => {
    const { rows } = await db.pool.query<{ autovacuum: string }>("SHOW autovacuum");
    const warnings = await maintenanceWarnings(db.pool);
    const serverWide = warnings.filter((warning) => warning.includes("autovacuum is off on this Postgres server"));
    expect(serverWide).toHaveLength(rows[0]!.autovacuum === "on" ? 0 : 1);
  });

  it("names a queue table whose own autovacuum was turned off", async () => {
    try {
      await db.pool.query("ALTER TABLE activity_task SET (autovacuum_enabled = false)");
      const warnings = await maintenanceWarnings(db.pool);
      expect(warnings).toContainEqual(expect.stringMatching(/autovacuum is off for table activity_task\b/));
      expect(warnings.join("\n")).not.toMatch(/table inbox_message/);
    } finally {
      await db.pool.query("ALTER TABLE activity_task RESET (autovacuum_enabled)");
    }
    expect((await maintenanceWarnings(db.pool)).join("\n")).not.toMatch(/table activity_task/);
  });
});
