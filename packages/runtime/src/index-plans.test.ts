/**
 * The hot statements find their rows through an index however the tables' statistics stand. A
 * prepared statement keeps the plan it got when a table was small (a fresh database), and without
 * ANALYZE (autovacuum off, or not yet run) the planner cannot tell that history is many instances'
 * few events each: it scanned the whole history table for every instance a worker loaded, and
 * runs slowed as history grew.
 */
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadHistories } from "./orchestrator-sql.ts";

const INSTANCES = 200;
const EVENTS_PER_INSTANCE = 100;

let db: TestDatabase;

beforeAll(async () => {
  // One connection: the statement is prepared once, and its scans are counted on that backend.
  db = await createTestDatabase({ poolSize: 1 });
  await db.pool.query(`INSERT INTO workflow (name) VALUES ('w')`);
});
afterAll(() => db.destroy());

/** Instances `prefix-0`… with `events` history events each, written without ANALYZE. */
async function writeHistories(prefix: string, instances: number, events: number) {
  await db.pool.query(
    `INSERT INTO instance (id, workflow_name, workflow_version, input) SELECT $1 || i, 'w', 1, 'null' FROM generate_series(0, $2 - 1) i`,
    [prefix, instances],
  );
  await db.pool.query(
    `INSERT INTO history_event (instance_id, seq, generation, type, data, at)
     SELECT $1 || i, s, 1, 'activity_completed', '{}', now() FROM generate_series(0, $2 - 1) i, generate_series(1, $3) s`,
    [prefix, instances, events],
  );
}

/** Sequential scans of history_event so far, with this backend's own counts flushed first. */
async function historyScans(): Promise<number> {
  await db.pool.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await db.pool.query(`SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'history_event'`);
  return Number(rows[0].seq_scan);
}

it("reads an instance's history through the primary key after history grew unanalyzed", async () => {
  await writeHistories("small-", 1, 3);
  // Planned while the table is small, as on a fresh database; later calls reuse the plan.
  for (let i = 0; i < 6; i++) await loadHistories(db.pool, [{ id: "small-0", generation: 1, afterSeq: 0 }]);
  await writeHistories("big-", INSTANCES, EVENTS_PER_INSTANCE);

  const before = await historyScans();
  const histories = await loadHistories(db.pool, [
    { id: "big-7", generation: 1, afterSeq: 90 },
    { id: "small-0", generation: 1, afterSeq: 0 },
  ]);
  expect(histories.get("big-7")!.map((e) => e.seq)).toEqual([91, 92, 93, 94, 95, 96, 97, 98, 99, 100]);
  expect(histories.get("small-0")).toHaveLength(3);
  expect(await historyScans()).toBe(before);
});
