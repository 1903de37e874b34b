/**
 * The migration that added open_wait fills it for instances in flight by giving each a turn that
 * records what the engine says it waits on: the same rows and waiting flags as their turns keep.
 */
import { readMigrations } from "@flowcraft/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Approvals } from "./approvals.ts";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let decisions: ReturnType<typeof steppedOrchestrator>;

beforeAll(async () => {
  rt = await createTestRuntime();
  decisions = steppedOrchestrator(rt.db.pool);
  await rt.workflows.publish("in-flight", {
    version: 1,
    start: "route",
    nodes: {
      route: {
        type: "decision",
        choices: [
          { when: "input = 'approval'", next: "approve" },
          { when: "input = 'fan-out'", next: "each" },
          { when: "input = 'monitor'", next: "ask" },
          { when: "input = 'work'", next: "work" },
        ],
        default: "first",
      },
      first: { type: "wait", event: "go", next: "second" },
      second: { type: "wait", event: "again", timeout: 0, onTimeout: "nap", next: "done" },
      nap: { type: "timer", duration: 3600, next: "done" },
      approve: { type: "wait", event: "approval_received", approval: { summary: "'a chair'" }, timeout: 3600, next: "done" },
      each: { type: "map", items: "[1, 2, 3]", body: { start: "wait", nodes: { wait: { type: "wait", event: "go" } } }, next: "done" },
      ask: { type: "monitor", interval: 0, maxIterations: 5, body: { start: "question", nodes: { question: { type: "wait", event: "answer" } } }, next: "done" },
      work: { type: "activity", activity: "transform", input: "input", next: "done" },
      done: { type: "end" },
    },
  });
}, 60_000);

afterAll(() => rt.close());

async function settle() {
  while ((await decisions.orchestrator.runOnce()) > 0);
  expect(decisions.errors).toEqual([]);
}

const snapshot = async () => ({
  waits: (await rt.db.pool.query("SELECT * FROM open_wait ORDER BY instance_id, generation, wait_id")).rows,
  instances: (await rt.db.pool.query("SELECT id, status, waiting, generation, last_seq FROM instance ORDER BY id")).rows,
  tasks: (await rt.db.pool.query("SELECT instance_id, activity_id, attempt FROM activity_task ORDER BY instance_id")).rows,
});

it("records for each instance in flight what its turns would have, and changes nothing else", async () => {
  const start = (input: string) => rt.instances.start("in-flight", input);
  const [onFirst, napping, approving, decided, fanOut, monitor, working, finished] = await Promise.all(
    ["event", "event", "approval", "approval", "fan-out", "monitor", "work", "event"].map(start),
  );
  // Both answers before the waits begin: each takes its own at once.
  await rt.instances.raiseEvent(finished!.instanceId, "go", null);
  await rt.instances.raiseEvent(finished!.instanceId, "again", null);
  await settle();
  await rt.instances.raiseEvent(napping!.instanceId, "go", null);
  await rt.instances.raiseEvent(fanOut!.instanceId, "go", null);
  await rt.instances.raiseEvent(monitor!.instanceId, "answer", 1);
  await rt.instances.suspend(decided!.instanceId);
  await settle();
  await new Approvals(rt.db).decide(decided!.instanceId, "approve", { decision: "approved", decider: { name: "ann", groups: [] } });
  await settle();
  expect((await rt.instances.get(monitor!.instanceId)).generation).toBe(2);
  expect((await rt.instances.get(finished!.instanceId)).runtimeStatus).toBe("COMPLETED");
  const kept = await snapshot();
  expect(new Set(kept.waits.map((row) => row.instance_id))).toEqual(
    new Set([onFirst, napping, approving, fanOut, monitor].map((instance) => instance!.instanceId)),
  );
  expect(kept.instances.find((row) => row.id === working!.instanceId)?.waiting).toBe(false);

  // As the database was before the migration: no open_wait, and flags the turns are to set afresh.
  await rt.db.pool.query("DELETE FROM open_wait");
  await rt.db.pool.query("UPDATE instance SET waiting = NOT waiting WHERE status IN ('RUNNING', 'SUSPENDED')");
  const migration = readMigrations().find((m) => m.name.endsWith("_add_open_waits"))!;
  await rt.db.pool.query(migration.sql.slice(migration.sql.indexOf("-- Backfill")));
  await settle();
  expect(await snapshot()).toEqual(kept);
  expect((await rt.db.pool.query("SELECT count(*)::int AS n FROM inbox_message WHERE kind <> 'timer'")).rows[0].n).toBe(0);
});
