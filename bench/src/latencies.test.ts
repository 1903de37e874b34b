import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { ActivityRegistry, Instances, silentLogger, Worker, Workflows } from "@flowcraft/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Percentiles } from "./figures.ts";
import { historyFigures, stepRatesBySlice, WINDOW_SLICES } from "./latencies.ts";
import { runScenario } from "./run.ts";
import { NOOP, SCENARIOS } from "./scenarios.ts";

let db: TestDatabase;
let worker: Worker;
let instances: Instances;
const chain = SCENARIOS.chain10;
const signal = new AbortController().signal;

beforeAll(async () => {
  db = await createTestDatabase();
  worker = new Worker(db, { activities: new ActivityRegistry().register(NOOP, () => null), logger: silentLogger(), onError: (e) => console.error(e) });
  await worker.start();
  await new Workflows(db).publish(chain.name, chain.definition);
  instances = new Instances(db);
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await db.destroy();
});

function expectOrdered({ p50, p99 }: Percentiles) {
  expect(p50).not.toBeNull();
  expect(p50!).toBeGreaterThanOrEqual(0);
  expect(p50!).toBeLessThanOrEqual(p99!);
}

describe("a run of N", () => {
  it("counts every step and instance, with ordered percentiles", async () => {
    const result = await runScenario({ db, instances, scenario: chain, load: { count: 12, window: 4 }, signal });
    const figures = await historyFigures(db, result.prefix, null);

    expect([result.started, result.workflows, result.steps, result.window]).toEqual([12, 12, 120, null]);
    expect([figures.workflows, figures.steps]).toEqual([12, 120]);
    expectOrdered(figures.latencies.scheduleToStart!);
    expectOrdered(figures.latencies.stepStartToComplete);
    expectOrdered(figures.latencies.instance);
    // An instance waits for its ten steps, each started after it was scheduled.
    expect(figures.latencies.instance.p50!).toBeGreaterThanOrEqual(figures.latencies.scheduleToStart!.p50!);
  });
});

describe("a steady run", () => {
  it("keeps its instances in flight, finishes them all, and counts exactly what completed in its window", async () => {
    const inFlight = 3;
    const result = await runScenario({ db, instances, scenario: chain, load: { inFlight, warmupSeconds: 0.5, seconds: 1 }, signal });
    const { from, to } = result.window!;
    const inWindow = await historyFigures(db, result.prefix, result.window);
    const all = await historyFigures(db, result.prefix, null);

    expect(to.getTime() - from.getTime()).toBe(1000);
    // Every instance started ran to its end, the drain after the window included.
    expect([all.workflows, all.steps]).toEqual([result.started, chain.stepsPerInstance * result.started]);
    const { rows } = await db.pool.query(
      `SELECT count(*) FILTER (WHERE type = 'activity_completed')::int AS steps, count(*) FILTER (WHERE type = 'execution_completed')::int AS workflows
       FROM history_event WHERE starts_with(instance_id, $1) AND at >= $2 AND at < $3`,
      [result.prefix, from, to],
    );
    expect([inWindow.steps, inWindow.workflows]).toEqual([rows[0].steps, rows[0].workflows]);
    expect(inWindow.steps).toBeLessThanOrEqual(all.steps);
    // Each part of the window counts its own steps: together, those of the window.
    const rates = await stepRatesBySlice(db, result.prefix, result.window!);
    expect(rates).toHaveLength(WINDOW_SLICES);
    expect(rates.reduce((sum, rate) => sum + rate, 0) / WINDOW_SLICES).toBe(inWindow.steps);
    if (inWindow.steps > 0) {
      expectOrdered(inWindow.latencies.scheduleToStart!);
      expectOrdered(inWindow.latencies.stepStartToComplete);
    }
    if (inWindow.workflows > 0) expectOrdered(inWindow.latencies.instance);

    // A new instance starts only once one has completed: never more than `inFlight` at a time.
    const { rows: overlap } = await db.pool.query(
      `WITH spans AS (
         SELECT instance_id, min(at) FILTER (WHERE type = 'execution_started') AS started, min(at) FILTER (WHERE type = 'execution_completed') AS completed
         FROM history_event WHERE starts_with(instance_id, $1) GROUP BY instance_id)
       SELECT max((SELECT count(*) FROM spans o WHERE o.started <= s.started AND o.completed > s.started))::int AS most FROM spans s`,
      [result.prefix],
    );
    expect(overlap[0].most).toBeLessThanOrEqual(inFlight);
  });
});
