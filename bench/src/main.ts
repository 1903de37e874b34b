/**
 * `pnpm bench`: runs each scenario against a throwaway database and prints one JSON line per
 * scenario on stdout, e.g.
 *   {"scenario":"chain10","workflows":200,"steps":2000,"seconds":1.5,"workflows_per_s":133.3,"steps_per_s":1333.3,"peak_rss_mb":210.4}
 * Everything else (progress, errors, the profile) goes to stderr, so stdout can be piped as is.
 * Settings are described in config.ts.
 */
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { ActivityRegistry, Instances, RuntimeMetrics, silentLogger, Worker, Workflows } from "@flowcraft/runtime";
import { collectDefaultMetrics, Registry } from "prom-client";
import { readConfig } from "./config.ts";
import { generationTimes } from "./generations.ts";
import { Profiler } from "./profile.ts";
import { runScenario, type RunResult } from "./run.ts";
import { NOOP, SCENARIOS, type Scenario } from "./scenarios.ts";

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Stops the run at the next poll, so the throwaway database is still dropped (a second signal kills at once). */
const abort = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => abort.abort(new Error(`interrupted by ${signal}`)));

async function main() {
  const config = readConfig();

  log(config.databaseUrl ? "creating a fresh database on the DATABASE_URL server" : "DATABASE_URL is not set: using an in-memory embedded PGlite");
  const db = await createTestDatabase({ poolSize: config.poolSize });
  const workers: Worker[] = [];
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
    const workflows = new Workflows(db);
    const instances = new Instances(db);
    for (const name of config.scenarios) {
      const scenario: Scenario = SCENARIOS[name];
      for (const [child, definition] of Object.entries(scenario.subworkflows ?? {})) await workflows.publish(child, definition);
      await workflows.publish(scenario.name, scenario.definition);
      const memory = new PeakMemory();
      const run = (count: number) =>
        runScenario({ db, instances, scenario, count, signal: abort.signal, onPoll: () => (profiler?.samplePool(), memory.sample()) });
      const count = scenario.instances ?? config.instances;
      if (config.warmup > 0 && scenario.instances === undefined) {
        log(`${name}: warming up with ${config.warmup} instances`);
        await run(config.warmup);
      }
      log(`${name}: running ${count} instances`);
      await profiler?.reset();
      memory.reset();
      const result = await run(count);
      log(`${name}: ${count} started in ${result.startSeconds.toFixed(2)} s, all completed in ${result.seconds.toFixed(2)} s`);
      if (profiler) log(`${await profiler.report(name)}\n${await profiler.stepLatencies(result.prefix)}`);
      check(scenario, count, result);
      const generations = scenario.generations ? await generationTimes(db, result.prefix) : {};
      process.stdout.write(`${JSON.stringify({ ...line(name, result, memory.peakMb), ...generations })}\n`);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await dispose(db);
  }
}

/** The metrics a server or `pnpm worker` process keeps (scraping, off the hot path, is left out). */
function runtimeMetrics(db: TestDatabase): RuntimeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return new RuntimeMetrics(registry, db);
}

function line(scenario: string, { workflows, steps, seconds }: RunResult, peakMb: number) {
  return {
    scenario,
    workflows,
    steps,
    seconds: round(seconds, 3),
    workflows_per_s: round(workflows / seconds, 1),
    steps_per_s: round(steps / seconds, 1),
    peak_rss_mb: round(peakMb, 1),
  };
}

/**
 * The most memory the process (the workers run in it) held during a run, sampled at every poll:
 * a cost that grows with an instance's size shows here before it shows in time.
 */
class PeakMemory {
  private peak = 0;

  reset() {
    this.peak = process.memoryUsage.rss();
  }

  sample() {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }

  get peakMb() {
    return this.peak / 2 ** 20;
  }
}

/** A miscount means the workflow did not do what the figures claim: say so rather than print them quietly. */
function check(scenario: Scenario, count: number, result: RunResult) {
  const expected = scenario.stepsPerInstance * count;
  if (result.steps !== expected) log(`${scenario.name}: warning: ${result.steps} activity steps completed, expected ${expected}`);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
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
