import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ActivityRegistry } from "./sdk.ts";
import { pruneRound } from "./generation-pruning.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

/** Checks `checks` times, a second apart, each time a fresh generation: the history a long-lived instance leaves behind. */
const monitor = (checks: number) => ({
  version: 1,
  start: "watch",
  nodes: {
    watch: {
      type: "monitor",
      state: "0",
      body: { start: "probe", nodes: { probe: { type: "activity", activity: "probe", input: "state" } } },
      nextState: "state + 1",
      maxIterations: checks,
      interval: 1,
    },
  },
});

const activities = new ActivityRegistry().register("probe", (n) => n);

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(() => rt.close());

/** The statement parameters of each load of history by the runtime, while `during` runs. */
async function historyLoads(during: () => Promise<void>): Promise<Array<{ id: string; generation: number; after_seq: number }>> {
  const pool = rt.db.pool as unknown as { query: (...args: unknown[]) => Promise<unknown> };
  const query = pool.query.bind(pool);
  const loads: Array<{ id: string; generation: number; after_seq: number }> = [];
  pool.query = (config: unknown, ...rest: unknown[]) => {
    const statement = config as { name?: string; values?: unknown[] };
    if (statement.name === "flowcraft_load_histories") loads.push(...JSON.parse(String(statement.values![0])));
    return query(config, ...rest);
  };
  try {
    await during();
  } finally {
    pool.query = query;
  }
  return loads;
}

describe("generations of a long-lived instance", () => {
  it("are recorded as they end, and a worker that knows nothing reads only the current one", async () => {
    const first = await rt.startWorker(activities);
    await rt.workflows.publish("checks_four", monitor(4));
    await rt.instances.start("checks_four", null, { instanceId: "gen-read" });
    await waitForInstance(rt.instances, "gen-read", (view) => view.generation === 3, 20_000);
    await first.stop();
    const { rows: ended } = await rt.db.pool.query("SELECT generation, first_seq, last_seq FROM ended_generation WHERE instance_id = 'gen-read' ORDER BY generation");
    const history = await rt.instances.history("gen-read");
    const startOf = (generation: number) => history.find((e) => e.type === "execution_started" && e.generation === generation)!.seq;
    expect(ended).toEqual([
      { generation: 1, first_seq: 1, last_seq: startOf(2) - 1 },
      { generation: 2, first_seq: startOf(2), last_seq: startOf(3) - 1 },
    ]);
    const { rows } = await rt.db.pool.query("SELECT generation, generation_start_seq FROM instance WHERE id = 'gen-read'");
    expect(rows[0]).toEqual({ generation: 3, generation_start_seq: startOf(3) });

    // A new worker has nothing cached: it reads history from the start of the current generation.
    const loads = await historyLoads(async () => {
      await rt.startWorker(activities);
      await waitForInstance(rt.instances, "gen-read", (view) => view.runtimeStatus === "COMPLETED", 20_000);
    });
    expect(loads.length).toBeGreaterThan(0);
    for (const load of loads.filter((l) => l.id === "gen-read")) {
      const start = history.find((e) => e.type === "execution_started" && e.generation === load.generation)?.seq ?? startOf(4);
      expect(load.after_seq).toBeGreaterThanOrEqual(start - 1);
    }
  });

  it("lose the history of ended generations past the retention period, and the instance goes on", async () => {
    await rt.startWorker(activities);
    await rt.workflows.publish("checks_five", monitor(5));
    await rt.instances.start("checks_five", null, { instanceId: "gen-prune" });
    await waitForInstance(rt.instances, "gen-prune", (view) => view.generation === 3, 20_000);
    // Nothing has been over for a day: nothing goes.
    expect((await pruneRound(rt.db.pool, { defaultDays: 1 })).generations).toBe(0);
    const endedGenerations = async () =>
      (await rt.db.pool.query("SELECT generation FROM ended_generation WHERE instance_id = 'gen-prune' ORDER BY generation")).rows.map((r) => r.generation as number);
    const before = await endedGenerations();
    expect(before.length).toBeGreaterThanOrEqual(2);
    await pruneRound(rt.db.pool, { defaultDays: 1, now: new Date(Date.now() + 2 * 24 * 3600 * 1000) });
    const left = await rt.instances.history("gen-prune");
    expect(Math.min(...left.map((e) => e.generation))).toBeGreaterThanOrEqual(3);
    expect(left[0]).toMatchObject({ type: "execution_started", resume: { iteration: expect.any(Number) } });
    const done = await waitForInstance(rt.instances, "gen-prune", undefined, 20_000);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: 5, generation: 5 });
    // The generations that ended after the pruning wait for the next one.
    expect(await endedGenerations()).toEqual([1, 2, 3, 4].filter((g) => !before.includes(g)));
  });
});
