/**
 * Sequential scans are off (client.ts), which prices every plan that cannot avoid one at ten
 * billion: JIT took such plans for huge, and compiled a lookup of a few rows for 360 ms.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.destroy());

it("does not compile a statement whose only plan is a sequential scan", async () => {
  const { rows } = await db.pool.query("EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM workflow WHERE retention_days > 0");
  const [plan] = rows[0]["QUERY PLAN"];
  expect(plan.Plan.Plans[0]["Node Type"]).toBe("Seq Scan");
  expect(plan).not.toHaveProperty("JIT");
});
