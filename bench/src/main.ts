/**
 * `pnpm bench`: runs each scenario against a throwaway database and prints one JSON line per
 * scenario on stdout (the fields are those of figures.ts), e.g.
 *   {"scenario":"chain10","system":"flowcraft","workflows":300,"steps":3000,"seconds":1.481,"workflows_per_s":202.6,
 *    "steps_per_s":2025.9,"peak_rss_mb":283.3,"schedule_to_start_p50_ms":11,"schedule_to_start_p99_ms":32,
 *    "step_start_to_complete_p50_ms":0,"step_start_to_complete_p99_ms":6,"instance_latency_p50_ms":176,"instance_latency_p99_ms":271.1}
 * Everything else (progress, errors, the profile) goes to stderr, so stdout can be piped as is.
 * Settings are described in config.ts.
 */
import { maintenanceWarnings } from "@flowcraft/db";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { ActivityRegistry, Instances, silentLogger, Worker, Workflows } from "@flowcraft/runtime";
import { loadOf, readConfig } from "./config.ts";
import type { Load } from "./drive.ts";
import { jsonLine, PeakMemory, type Measured } from "./figures.ts";
import { generationTimes } from "./generations.ts";
import { historyFigures, stepRatesBySlice, WINDOW_SLICES } from "./latencies.ts";
import { Profiler } from "./profile.ts";
import { runScenario, type RunResult } from "./run.ts";
import { NOOP, SCENARIOS, type Scenario } from "./scenarios.ts";
import { runtimeMetrics, WorkerProcess } from "./worker-process.ts";

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Stops the run at the next poll, so the throwaway database is still dropped (a second signal kills at once). */
const abort = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abort.abort(new Error(`interrupted by ${signal}`)));

async function main() {
  const config = readConfig();

  log(config.databaseUrl ? "creating a fresh database on the DATABASE_URL server" : "DATABASE_URL is not set: using an in-memory embedded PGlite");
  const db = await createTestDatabase({ poolSize: config.poolSize });
  // Figures of a server that does not vacuum fall as a run goes on: say so next to them.
  if (config.databaseUrl) for (const warning of await maintenanceWarnings(db.pool)) log(`warning: ${warning}`);
  const workers: Worker[] = [];
  const workerProcesses: WorkerProcess[] = [];
  try {
    const profiler = config.profile ? await Profiler.install(db) : null;
    const activities = new ActivityRegistry().register(NOOP, () => null);
    const metrics = config.metrics ? runtimeMetrics(db) : undefined;
    log(metrics ? "workers feed Prometheus metrics (METRICS=0 to leave them out)" : "workers feed no metrics");
    for (let i = 0; i < config.workers; i++) {
      // Errors go to stderr as before; the worker's JSON lines would mix into the results on stdout.
      const worker = new Worker(db, { activities, metrics, logger: silentLogger(), onError: (error) => log(`worker error: ${String(error)}`) });
      // Registers `noop`, which publishing checks for.
      await worker.start();
      workers.push(worker);
    }
    if (config.workerProcesses > 0) {
      log(`${config.workers} worker(s) in this process, ${config.workerProcesses} in processes of their own`);
      for (let i = 0; i < config.workerProcesses; i++) workerProcesses.push(await WorkerProcess.start(db.url, config.poolSize, log));
    }
    const workflows = new Workflows(db);
    const instances = new Instances(db);
    for (const name of config.scenarios) {
      const scenario: Scenario = SCENARIOS[name];
      for (const [child, definition] of Object.entries(scenario.subworkflows ?? {})) await workflows.publish(child, definition);
      await workflows.publish(scenario.name, scenario.definition);
      const memory = new PeakMemory();
      const run = (load: Load) =>
        runScenario({ db, instances, scenario, load, signal: abort.signal, onPoll: () => (profiler?.samplePool(), memory.sample()) });
      const load = loadOf(config, scenario);
      if (config.warmup > 0 && scenario.instances === undefined && !config.steady) {
        log(`${name}: warming up with ${config.warmup} instances`);
        await run({ count: config.warmup, window: scenario.window });
      }
      log("count" in load ? `${name}: running ${load.count} instances` : `${name}: ${load.inFlight} in flight for ${load.warmupSeconds} s, then ${load.seconds} s measured`);
      await profiler?.reset();
      if (profiler) for (const worker of workerProcesses) await worker.resetProfile();
      memory.reset();
      const result = await run(load);
      log(`${name}: ${result.started} started in ${result.startSeconds.toFixed(2)} s, all completed in ${result.seconds.toFixed(2)} s`);
      if (profiler) log(`${await profiler.report(name)}\n${await profiler.stepLatencies(result.prefix, result.window)}`);
      if (profiler) for (const [i, worker] of workerProcesses.entries()) log(await worker.profile(`${name}, worker process ${i + 1}`));
      check(scenario, result);
      if (result.window) log(`${name}: steps/s in each of ${WINDOW_SLICES} parts of the window: ${(await stepRatesBySlice(db, result.prefix, result.window)).join(", ")}`);
      const generations = scenario.generations ? await generationTimes(db, result.prefix) : {};
      const layout = config.workerProcesses > 0 ? { workers: config.workers, worker_processes: config.workerProcesses } : {};
      process.stdout.write(`${JSON.stringify({ ...jsonLine(name, "flowcraft", load, await measured(db, result), memory.peakMb), ...layout, ...generations })}\n`);
    }
  } finally {
    const processCpuMs = await Promise.all(workerProcesses.map((worker) => worker.stop()));
    if (processCpuMs.length > 0) log(`worker processes used ${processCpuMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(", ")} of CPU`);
    await Promise.all(workers.map((worker) => worker.stop()));
    await dispose(db);
  }
}

/**
 * A run of N counts everything it ran, from the first start to the last completion; a steady
 * run counts what completed inside its window.
 */
async function measured(db: TestDatabase, result: RunResult): Promise<Measured> {
  const figures = await historyFigures(db, result.prefix, result.window);
  if (!result.window) return { workflows: result.workflows, steps: result.steps, seconds: result.seconds, latencies: figures.latencies };
  return { ...figures, seconds: (result.window.to.getTime() - result.window.from.getTime()) / 1000 };
}

/** A miscount means the workflow did not do what the figures claim: say so rather than print them quietly. */
function check(scenario: Scenario, result: RunResult) {
  const expected = scenario.stepsPerInstance * result.started;
  if (result.steps !== expected) log(`${scenario.name}: warning: ${result.steps} activity steps completed, expected ${expected}`);
}

/** The throwaway database is dropped even when the run failed; a failed drop is reported, not hidden. */
async function dispose(db: TestDatabase) {
  try {
    await db.destroy();
  } catch (error) {
    log(`could not drop the benchmark database: ${String(error)}`);
  }
}

main().catch((error: unknown) => {
  if (abort.signal.aborted) log((abort.signal.reason as Error).message);
  else log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
