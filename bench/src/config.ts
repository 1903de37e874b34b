/**
 * Settings, all from the environment so that `pnpm bench` needs no arguments:
 *
 *   DATABASE_URL  Postgres server to run on. A fresh database is created there and dropped at the
 *                 end, so the configured database itself is never touched. Unset: an in-memory
 *                 embedded PGlite (much slower; figures only show that everything works).
 *   N             Instances per scenario (default 200), timed from the first start to the last
 *                 completion, the ramp up and the drain included.
 *   DURATION      Seconds: measure a steady state instead of N instances. Each scenario keeps
 *                 IN_FLIGHT instances running (a new one started as one completes, through
 *                 concurrent starts, which the runtime stores together) for WARMUP_S seconds and
 *                 then DURATION seconds more, and its figures count only the steps and instances
 *                 that completed in those DURATION seconds; the instances still in flight then
 *                 finish outside the window. A window in time rather than a trimmed N, because
 *                 a run of N has a ramp up and a drain whose share depends on N and on the
 *                 scenario (fanout20 starts all N at once), where a window of a held load has
 *                 neither. DURATION=60 is the setting for figures that are meant to last.
 *                 Scenarios of one instance (the maps, monitor-long, subflow100) run as before.
 *   WARMUP_S      Steady state: seconds run before the window opens, so the JIT, the caches and
 *                 the queues have settled (default 10).
 *   IN_FLIGHT     Steady state: instances in flight (default 50, as the chains keep in a run
 *                 of N).
 *   WORKERS       In-process workers sharing the database (default 1, as the server runs).
 *   WORKER_PROCESSES
 *                 Workers in processes of their own, as `pnpm worker` runs them next to a
 *                 server (default 0). This process then plays the server: it starts the
 *                 instances and, unless WORKERS=0, runs its own worker too. Needs DATABASE_URL.
 *   POOL_SIZE     Connections of the process's pool, shared by the workers (default 10, as
 *                 the server's).
 *   SCENARIOS     Comma-separated subset of chain10,fanout20,chain10expr,map10000,map100000,
 *                 monitor-long,subflow100 (default all). The map scenarios, monitor-long and
 *                 subflow100 are one instance each, whatever N says (subflow100's workflows
 *                 count its 100 children too); monitor-long also reports the median time of
 *                 its first and last 100 generations.
 *   WARMUP        Untimed instances run first per scenario, so the JIT and the caches of
 *                 definitions and compiled expressions are warm (default 20; 0 to skip; a
 *                 steady run warms up for WARMUP_S instead).
 *   METRICS       0: workers feed no Prometheus metrics (default 1: they do, as the server's
 *                 and `pnpm worker`'s do), to measure what counting costs.
 *   BENCH_PROFILE 1: also report on stderr, per scenario, each statement's count and time, the
 *                 CPU used by Node, by the database backends (local server only) and by the
 *                 machine, pool waits, and where an activity step's time goes (see profile.ts).
 *
 * `pnpm bench:compare` runs the same scenarios, with the same settings, on DBOS Transact too (see
 * peers/dbos.ts).
 */
import type { Load } from "./drive.ts";
import { SCENARIOS, type Scenario, type ScenarioName } from "./scenarios.ts";

export interface Config {
  databaseUrl: string | undefined;
  instances: number;
  workers: number;
  workerProcesses: number;
  poolSize: number;
  scenarios: ScenarioName[];
  warmup: number;
  profile: boolean;
  metrics: boolean;
  /** Measure a steady state instead of N instances; null: N instances. */
  steady: { seconds: number; warmupSeconds: number; inFlight: number } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = {
    databaseUrl: env.DATABASE_URL || undefined,
    instances: count(env, "N", 200, 1),
    workers: count(env, "WORKERS", 1, 0),
    workerProcesses: count(env, "WORKER_PROCESSES", 0, 0),
    poolSize: count(env, "POOL_SIZE", 10, 2),
    scenarios: scenarioList(env.SCENARIOS),
    warmup: count(env, "WARMUP", 20, 0),
    profile: env.BENCH_PROFILE === "1",
    metrics: env.METRICS !== "0",
    steady: env.DURATION
      ? { seconds: count(env, "DURATION", 60, 1), warmupSeconds: count(env, "WARMUP_S", 10, 0), inFlight: count(env, "IN_FLIGHT", 50, 1) }
      : null,
  };
  if (config.workers + config.workerProcesses === 0) throw new Error("WORKERS=0 needs WORKER_PROCESSES of at least 1: something must run the steps");
  if (config.workerProcesses > 0 && !config.databaseUrl) throw new Error("WORKER_PROCESSES needs DATABASE_URL: the embedded database serves this process only");
  return config;
}

/** How a scenario is run under these settings. */
export function loadOf(config: Config, scenario: Scenario): Load {
  if (scenario.instances !== undefined) return { count: scenario.instances, window: scenario.window };
  if (config.steady) return { ...config.steady };
  return { count: config.instances, window: scenario.window };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

function scenarioList(raw: string | undefined): ScenarioName[] {
  if (!raw) return Object.keys(SCENARIOS) as ScenarioName[];
  const names = raw.split(",").map((s) => s.trim()).filter(Boolean);
  for (const name of names) {
    if (!(name in SCENARIOS)) throw new Error(`unknown scenario "${name}": expected some of ${Object.keys(SCENARIOS).join(", ")}`);
  }
  return names as ScenarioName[];
}
