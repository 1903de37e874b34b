/** Opening a Postgres database that will slow down for want of vacuuming says so in the log. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { openDatabase } from "./database.ts";
import { createLogger } from "./logging.ts";

describe.runIf(process.env.DATABASE_URL)("opening the database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });

  it("warns at start-up about a queue table whose autovacuum is off", async () => {
    await db.pool.query("ALTER TABLE inbox_message SET (autovacuum_enabled = false)");
    const lines: { level: number; msg: string }[] = [];
    const log = createLogger({ level: "info", stream: { write: (line: string) => void lines.push(JSON.parse(line)) } });

    const opened = await openDatabase({ databaseUrl: db.url, dataDir: await mkdtemp(join(tmpdir(), "flowcraft-")) }, log);
    await opened.close();

    const warnings = lines.filter((line) => line.level === 40).map((line) => line.msg);
    expect(warnings).toContainEqual(expect.stringContaining("autovacuum is off for table inbox_message"));
  });
});
