/**
 * Settings, all from the environment so that `pnpm bench` needs no arguments:
 *
 *   DATABASE_URL  Postgres server to run on. A fresh database is created there and dropped at the
 *                 end, so the configured database itself is never touched. Unset: an in-memory
 *                 embedded PGlite (much slower; figures only show that everything works).
 *   N             Instances per scenario (default 200).
 *   WORKERS       In-process workers sharing the database (default 1, as the server runs).
 *   POOL_SIZE     Connections of the process's pool, shared by the workers (default 10, as
 *                 the server's).
 *   SCENARIOS     Comma-separated subset of chain10,fanout20,chain10expr,map10000,map100000,
 *                 monitor-long,subflow100 (default all). The map scenarios, monitor-long and
 *                 subflow100 are one instance each, whatever N says (subflow100's workflows
 *                 count its 100 children too); monitor-long also reports the median time of
 *                 its first and last 100 generations.
 *   WARMUP        Untimed instances run first per scenario, so the JIT and the caches of
 *                 definitions and compiled expressions are warm (default 20; 0 to skip).
 *   METRICS       0: workers feed no Prometheus metrics (default 1: they do, as the server's
 *                 and `pnpm worker`'s do), to measure what counting costs.
 *   BENCH_PROFILE 1: also report on stderr, per scenario, each statement's count and time, the
 *                 CPU used by Node, by the database backends (local server only) and by the
 *                 machine, pool waits, and where an activity step waits (see profile.ts).
 */
import { SCENARIOS, type ScenarioName } from "./scenarios.ts";

export interface Config {
  databaseUrl: string | undefined;
  instances: number;
  workers: number;
  poolSize: number;
  scenarios: ScenarioName[];
  warmup: number;
  profile: boolean;
  metrics: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    instances: count(env, "N", 200, 1),
    workers: count(env, "WORKERS", 1, 1),
    poolSize: count(env, "POOL_SIZE", 10, 2),
    scenarios: scenarioList(env.SCENARIOS),
    warmup: count(env, "WARMUP", 20, 0),
    profile: env.BENCH_PROFILE === "1",
    metrics: env.METRICS !== "0",
  };
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
