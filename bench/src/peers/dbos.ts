/**
 * `pnpm bench:dbos`, the second half of `pnpm bench:compare`: chain10 and fanout20 on DBOS
 * Transact, with the settings of `pnpm bench` (N or DURATION, WARMUP or WARMUP_S, IN_FLIGHT,
 * POOL_SIZE, SCENARIOS; see config.ts), printing the same JSON lines with "system":"dbos".
 *
 * The workflows mirror ours step for step: a chain of 10 no-op steps, each awaited before the
 * next, and 20 no-op steps started together whose results the workflow returns as a list, as our
 * map does. They are started as a DBOS user would for throughput, with `DBOS.startWorkflow` from
 * a few concurrent callers, driven by the same load driver as ours (drive.ts), on a fresh
 * database of the DATABASE_URL server. DBOS runs a started workflow in the starting process,
 * without a queue, so its steps have no schedule-to-start; its completions are seen by awaiting
 * the handles in process, where ours are counted by a poll query.
 */
import { randomBytes } from "node:crypto";
import { DBOS, type DLogger } from "@dbos-inc/dbos-sdk";
import { createEmptyDatabase } from "@flowcraft/db/testing";
import pg from "pg";
import { loadOf, readConfig } from "../config.ts";
import { drive, type Load, type MeasuredWindow } from "../drive.ts";
import { jsonLine, PeakMemory, percentiles, type Measured } from "../figures.ts";
import { sliceRates, WINDOW_SLICES } from "../latencies.ts";
import { SCENARIOS, type Scenario, type ScenarioName } from "../scenarios.ts";

const log = (message: string) => process.stderr.write(`${message}\n`);

const abort = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abort.abort(new Error(`interrupted by ${signal}`)));

async function noop(): Promise<null> {
  return null;
}

const chainLength = SCENARIOS.chain10.stepsPerInstance;
const fanOut = SCENARIOS.fanout20.stepsPerInstance;

/** Our scenarios that have a DBOS counterpart, by name. */
const WORKFLOWS: Partial<Record<ScenarioName, () => Promise<unknown>>> = {
  chain10: DBOS.registerWorkflow(
    async () => {
      let output: null = null;
      for (let i = 1; i <= chainLength; i++) output = await DBOS.runStep(noop, { name: `a${i}` });
      return output;
    },
    { name: "chain10" },
  ),
  fanout20: DBOS.registerWorkflow(
    async () => {
      // allSettled, not all: should a step fail, the workflow still waits for the others, so none runs on after it ended.
      const settled = await Promise.allSettled(Array.from({ length: fanOut }, () => DBOS.runStep(noop, { name: "work" })));
      return settled.map((outcome) => {
        if (outcome.status === "rejected") throw outcome.reason;
        return outcome.value;
      });
    },
    { name: "fanout20" },
  ),
};

/** DBOS logs warnings and errors to stderr, so stdout keeps only the JSON lines. */
const stderrLogger: DLogger = {
  info() {},
  debug() {},
  warn: (entry) => log(`dbos: ${String(entry)}`),
  error: (entry) => log(`dbos: ${entry instanceof Error ? (entry.stack ?? entry.message) : String(entry)}`),
};

async function main() {
  const config = readConfig();
  if (!config.databaseUrl) throw new Error("DBOS needs a Postgres server: set DATABASE_URL");
  const scenarios = config.scenarios.filter((name) => {
    if (WORKFLOWS[name]) return true;
    log(`dbos: ${name} has no DBOS counterpart, left out`);
    return false;
  });
  if (scenarios.length === 0) return;

  log("creating a fresh database on the DATABASE_URL server for DBOS");
  const database = await createEmptyDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  try {
    DBOS.setConfig({ name: "flowcraft-bench", systemDatabaseUrl: database.url, systemDatabasePoolSize: config.poolSize, logger: stderrLogger });
    await DBOS.launch();
    try {
      for (const name of scenarios) {
        const scenario = SCENARIOS[name];
        const memory = new PeakMemory();
        const run = (load: Load) => runScenario(scenario, WORKFLOWS[name]!, load, memory);
        const load = loadOf(config, scenario);
        if (config.warmup > 0 && !config.steady) {
          log(`dbos ${name}: warming up with ${config.warmup} instances`);
          await run({ count: config.warmup, window: scenario.window });
        }
        log("count" in load ? `dbos ${name}: running ${load.count} instances` : `dbos ${name}: ${load.inFlight} in flight for ${load.warmupSeconds} s, then ${load.seconds} s measured`);
        memory.reset();
        const result = await run(load);
        log(`dbos ${name}: ${result.started} started in ${result.startSeconds.toFixed(2)} s, all completed in ${result.seconds.toFixed(2)} s`);
        const figures = await statusFigures(pool, result.prefix, result.window);
        const all = await statusFigures(pool, result.prefix, null);
        if (all.steps !== scenario.stepsPerInstance * result.started) {
          log(`dbos ${name}: warning: ${all.steps} steps completed, expected ${scenario.stepsPerInstance * result.started}`);
        }
        if (result.window) log(`dbos ${name}: steps/s in each of ${WINDOW_SLICES} parts of the window: ${(await stepRatesBySlice(pool, result.prefix, result.window)).join(", ")}`);
        const measured: Measured = result.window
          ? { ...figures, seconds: (result.window.to.getTime() - result.window.from.getTime()) / 1000 }
          : { ...figures, seconds: result.seconds };
        process.stdout.write(`${JSON.stringify(jsonLine(name, "dbos", load, measured, memory.peakMb))}\n`);
      }
    } finally {
      await DBOS.shutdown();
    }
  } finally {
    await pool.end();
    await database.destroy().catch((error: unknown) => log(`could not drop the DBOS benchmark database: ${String(error)}`));
  }
}

async function runScenario(scenario: Scenario, workflow: () => Promise<unknown>, load: Load, memory: PeakMemory) {
  const prefix = `${scenario.name}-${randomBytes(4).toString("hex")}-`;
  let completed = 0;
  let failure: unknown = undefined;
  const driven = await drive({
    name: `dbos ${scenario.name}`,
    load,
    async start(i) {
      const handle = await DBOS.startWorkflow(workflow, { workflowID: `${prefix}${i}` })();
      handle.getResult().then(
        () => completed++,
        (error: unknown) => (failure ??= error),
      );
    },
    async progress() {
      if (failure !== undefined) throw failure;
      return { completed, activity: completed };
    },
    signal: abort.signal,
    onPoll: () => memory.sample(),
  });
  return { ...driven, prefix };
}

/**
 * What the run's workflows delivered (in the window, if one is given), from DBOS's own tables:
 * a step's start and completion as operation_outputs records them, a workflow's creation and
 * completion as workflow_status does (epoch ms).
 */
async function statusFigures(pool: pg.Pool, prefix: string, window: MeasuredWindow | null): Promise<Omit<Measured, "seconds">> {
  const { rows } = await pool.query(
    `WITH step_figures AS (
       SELECT count(*)::int AS steps,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY completed_at_epoch_ms - started_at_epoch_ms) AS start_to_complete
       FROM dbos.operation_outputs
       WHERE starts_with(workflow_uuid, $1) AND function_name NOT LIKE 'DBOS.%'
         AND completed_at_epoch_ms >= coalesce($2::bigint, 0) AND completed_at_epoch_ms < coalesce($3::bigint, 9223372036854775807)),
     instance_figures AS (
       SELECT count(*)::int AS workflows,
              percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY completed_at - created_at) AS latency
       FROM dbos.workflow_status
       WHERE starts_with(workflow_uuid, $1) AND status = 'SUCCESS'
         AND completed_at >= coalesce($2::bigint, 0) AND completed_at < coalesce($3::bigint, 9223372036854775807))
     SELECT * FROM step_figures, instance_figures`,
    [prefix, window?.from.getTime() ?? null, window?.to.getTime() ?? null],
  );
  const r = rows[0] as { steps: number; workflows: number; start_to_complete: number[] | null; latency: number[] | null };
  return {
    workflows: r.workflows,
    steps: r.steps,
    latencies: { scheduleToStart: null, stepStartToComplete: percentiles(r.start_to_complete), instance: percentiles(r.latency) },
  };
}

/** As latencies.ts's stepRatesBySlice, from DBOS's step records. */
async function stepRatesBySlice(pool: pg.Pool, prefix: string, window: MeasuredWindow): Promise<number[]> {
  const { rows } = await pool.query<{ slice: number; steps: number }>(
    `SELECT width_bucket(completed_at_epoch_ms, $2, $3, $4) AS slice, count(*)::int AS steps
     FROM dbos.operation_outputs
     WHERE starts_with(workflow_uuid, $1) AND function_name NOT LIKE 'DBOS.%' AND completed_at_epoch_ms >= $2 AND completed_at_epoch_ms < $3
     GROUP BY 1`,
    [prefix, window.from.getTime(), window.to.getTime(), WINDOW_SLICES],
  );
  return sliceRates(rows, window);
}

main().catch((error: unknown) => {
  if (abort.signal.aborted) log((abort.signal.reason as Error).message);
  else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
