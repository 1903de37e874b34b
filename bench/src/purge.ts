/**
 * `pnpm bench:purge`: what retention costs. On a throwaway database it writes ended instances
 * holding PURGE_ROWS history rows (default 1,000,000) straight with SQL, all past retention;
 * times `chain10` alone; then purges them with the workers' retention rounds, back to back (a
 * worker pauses between rounds; this does not, the worst case), while `chain10` runs again and
 * again beside it in the same process; then times `chain10` alone once more. One JSON line per
 * phase on stdout, e.g.
 *   {"phase":"purge","instances":10000,"rows":1000000,"seconds":40.1,"rows_per_s":24937.7,...}
 * N sets the instances of each chain10 run, POOL_SIZE the bench's connections (see config.ts).
 */
import { connect } from "@flowcraft/db";
import { createTestDatabase } from "@flowcraft/db/testing";
import { ActivityRegistry, DEFAULT_RETENTION_DAYS, Instances, purgeExpiredRound, Worker, Workflows } from "@flowcraft/runtime";
import { readConfig } from "./config.ts";
import { runScenario } from "./run.ts";
import { NOOP, SCENARIOS } from "./scenarios.ts";

const log = (message: string) => process.stderr.write(`${message}\n`);
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** History rows of each purged instance: a chain of about 30 steps. */
const EVENTS_PER_INSTANCE = 100;
/** Instances written per statement while seeding. */
const SEED_CHUNK = 1_000;

async function main() {
  const config = readConfig();
  const rows = Number(process.env.PURGE_ROWS || 1_000_000);
  if (!Number.isInteger(rows) || rows < EVENTS_PER_INSTANCE) throw new Error(`PURGE_ROWS must be a whole number of at least ${EVENTS_PER_INSTANCE}, got "${process.env.PURGE_ROWS}"`);
  const count = Math.floor(rows / EVENTS_PER_INSTANCE);
  const db = await createTestDatabase({ poolSize: config.poolSize });
  // Retention's own connections, as another worker's would be (PGlite takes one connection only).
  const purgeDb = config.databaseUrl ? connect(db.url, { poolSize: 2 }) : db;
  // Its own retention keeps everything: only the measured rounds purge.
  const worker = new Worker(db, { activities: new ActivityRegistry().register(NOOP, () => null), retentionDays: 0, onError: (error) => log(`worker error: ${String(error)}`) });
  try {
    await worker.start();
    const workflows = new Workflows(db);
    const instances = new Instances(db);
    const chain = SCENARIOS.chain10;
    await workflows.publish(chain.name, chain.definition);
    const abort = new AbortController();
    const runChain = async () => {
      const result = await runScenario({ db, instances, scenario: chain, load: { count: config.instances, window: chain.window }, signal: abort.signal });
      return { steps: result.steps, seconds: result.seconds };
    };
    const chainLine = (phase: string, runs: Array<{ steps: number; seconds: number }>) => {
      const steps = runs.reduce((sum, run) => sum + run.steps, 0);
      const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
      return { phase, scenario: chain.name, runs: runs.length, steps, seconds: round(seconds, 2), steps_per_s: round(steps / seconds) };
    };

    log(`seeding ${count} ended instances with ${count * EVENTS_PER_INSTANCE} history rows`);
    const seedStart = performance.now();
    for (let first = 1; first <= count; first += SEED_CHUNK) {
      const last = Math.min(count, first + SEED_CHUNK - 1);
      await db.pool.query(
        `INSERT INTO instance (id, workflow_name, workflow_version, status, input, output, last_seq, created_at, updated_at, ended_at)
         SELECT 'expired-' || i, 'expired', 1, 'COMPLETED', 'null', '{"ok":true}', $3, now() - interval '61 days', now() - interval '60 days', now() - interval '60 days'
         FROM generate_series($1::int, $2::int) i`,
        [first, last, EVENTS_PER_INSTANCE],
      );
      await db.pool.query(
        `INSERT INTO history_event (instance_id, seq, generation, type, data, at)
         SELECT 'expired-' || i, s, 1, 'activity_completed',
                jsonb_build_object('node', 'a' || s, 'activityId', 'a' || s, 'attempt', 1, 'result', jsonb_build_object('value', s, 'note', repeat('x', 80))),
                now() - interval '61 days'
         FROM generate_series($1::int, $2::int) i, generate_series(1, $3::int) s`,
        [first, last, EVENTS_PER_INSTANCE],
      );
    }
    await db.pool.query("ANALYZE instance; ANALYZE history_event");
    const historyMb = async () => round(Number((await db.pool.query("SELECT pg_total_relation_size('history_event') AS bytes")).rows[0].bytes) / 2 ** 20);
    print({ phase: "seed", instances: count, rows: count * EVENTS_PER_INSTANCE, seconds: round((performance.now() - seedStart) / 1000, 2), history_mb: await historyMb() });

    log("chain10 alone (warm-up, then timed)");
    await runChain();
    print(chainLine("bench_alone", [await runChain(), await runChain(), await runChain()]));

    log("purging while chain10 runs");
    let purging = true;
    const during: Array<{ steps: number; seconds: number }> = [];
    const benching = (async () => {
      while (purging) during.push(await runChain());
    })();
    const purgeStart = performance.now();
    let purged = { instances: 0, historyRows: 0, rounds: 0 };
    try {
      for (;;) {
        const result = await purgeExpiredRound(purgeDb.pool, "bench-purge", { defaultDays: DEFAULT_RETENTION_DAYS });
        purged = { instances: purged.instances + result.instances, historyRows: purged.historyRows + result.historyRows, rounds: purged.rounds + 1 };
        if (!result.more) break;
      }
    } finally {
      purging = false;
    }
    const seconds = (performance.now() - purgeStart) / 1000;
    await benching;
    print({ phase: "purge", instances: purged.instances, rows: purged.historyRows, rounds: purged.rounds, seconds: round(seconds, 2), rows_per_s: round(purged.historyRows / seconds), history_mb: await historyMb() });
    print(chainLine("bench_during_purge", during));
    print(chainLine("bench_after", [await runChain(), await runChain(), await runChain()]));
    const left = Number((await db.pool.query("SELECT count(*) AS n FROM instance WHERE workflow_name = 'expired'")).rows[0].n);
    if (left !== 0) log(`warning: ${left} expired instances were left`);
  } finally {
    await worker.stop();
    if (purgeDb !== db) await purgeDb.close();
    await db.destroy().catch((error: unknown) => log(`could not drop the benchmark database: ${String(error)}`));
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
