/**
 * A full batch whose planning outlasts the instance lease keeps its claims: they are renewed
 * while it is planned, so that no other worker takes the instances over mid-turn.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { evaluate, type Evaluator } from "@flowcraft/engine";
import { afterAll, beforeAll, expect, it } from "vitest";
import { claimInstances } from "./orchestrator-sql.ts";
import { INSTANCE_LEASE_SECONDS } from "./orchestrator.ts";
import { recordActivities } from "./registrations.ts";
import { createTestRuntime, steppedOrchestrator, type TestRuntime } from "./test-helpers.ts";

/** The most instances one round claims. */
const BATCH = 100;

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await recordActivities(rt.db.pool, ["work"]);
  // Its input is no plain lookup, so planning a turn asks the evaluator.
  await rt.workflows.publish("one_step", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "work", input: "input + 1" } } });
});
afterAll(() => rt.close());

it(`keeps the claims of ${BATCH} instances while planning them takes longer than a lease`, async () => {
  const ids: string[] = [];
  for (let i = 0; i < BATCH; i++) ids.push((await rt.instances.start("one_step", i)).instanceId);

  let planning!: () => void;
  const planningStarted = new Promise<void>((resolve) => (planning = resolve));
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  const held: Evaluator = async (expression, context) => {
    planning();
    await resumed;
    return evaluate(expression, context);
  };
  const { orchestrator, errors } = steppedOrchestrator(rt.db.pool, { evaluate: held });
  const round = orchestrator.runOnce();
  await planningStarted;

  const leases = async () =>
    (await rt.db.pool.query<{ id: string; lease_owner: string; expires: Date }>("SELECT id, lease_owner, lease_expires_at AS expires FROM instance WHERE id = ANY($1)", [ids])).rows;
  const claimed = await leases();
  expect(claimed.map((r) => r.lease_owner)).toEqual(ids.map(() => "w1"));
  const firstExpiry = Math.max(...claimed.map((r) => r.expires.getTime()));
  expect(firstExpiry - Date.now()).toBeLessThanOrEqual(INSTANCE_LEASE_SECONDS * 1000);

  // Past the end of the leases the claim took: had they not been renewed, any worker could take them.
  await sleep(firstExpiry - Date.now() + 500);
  expect(await claimInstances(rt.db.pool, "w2", INSTANCE_LEASE_SECONDS, BATCH, 1_000)).toEqual([]);
  const renewed = await leases();
  expect(renewed.filter((r) => r.lease_owner !== "w1" || r.expires.getTime() <= Date.now())).toEqual([]);

  resume();
  expect(await round).toBe(BATCH);
  expect(errors).toEqual([]);
  const { rows } = await rt.db.pool.query("SELECT count(*)::int AS n FROM activity_task WHERE instance_id = ANY($1)", [ids]);
  expect(rows[0].n).toBe(BATCH);
}, 30_000);
