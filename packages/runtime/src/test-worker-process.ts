/**
 * A worker process for the durability tests, run with tsx. It serves the test activities until it
 * is stopped (SIGTERM, SIGINT, or the end of stdin) or killed.
 *
 * Environment: DATABASE_URL; FLOWCRAFT_EMBEDDED=1 when that is the embedded PGlite;
 * FLOWCRAFT_TEST_EXECUTIONS, a file where each activity execution appends a line
 * `instanceId<TAB>activityId<TAB>attempt<TAB>pid`, so a test can count executions per item;
 * FLOWCRAFT_TEST_MAX_CONCURRENCY, the worker's maxConcurrentActivities (its default when unset);
 * FLOWCRAFT_TEST_HOLD_COMPLETIONS=1, never send a decision that records an activity's completion,
 * so the worker is caught between finishing activities and committing their results (it prints
 * `holding` the first time); FLOWCRAFT_TEST_CRASH_DECIDING, an instance id: the process kills
 * itself (SIGKILL) whenever it reads that instance's history to decide a turn of it, as a poison
 * instance that crashes its worker would.
 *
 * Prints `ready <pid> <worker id>` once the worker runs. The pid is this process's own: tsx runs
 * the script in a child of its own, so it differs from the pid the test spawned.
 */
import { appendFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { connect } from "@flowcraft/db";
import { ActivityRegistry, type ActivityContext } from "./sdk.ts";
import { silentLogger } from "./logger.ts";
import { Worker } from "./worker.ts";

/** How long `slow_double` takes: long enough for a kill to catch items in flight, and for two workers to share a fan-out. */
const SLOW_ACTIVITY_MS = 80;
/** How long each page of `count_pages` takes. */
const PAGE_MS = 50;

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const executionsFile = process.env.FLOWCRAFT_TEST_EXECUTIONS;

/** Recorded when the attempt begins: an attempt cut short by a kill still counts as run. */
function recordExecution(context: ActivityContext) {
  if (!executionsFile) return;
  // One small append is one write(2) with O_APPEND: lines of concurrent processes do not interleave.
  appendFileSync(executionsFile, `${context.instanceId}\t${context.activityId}\t${context.attempt}\t${process.pid}\n`);
}

const activities = new ActivityRegistry()
  .register("slow_double", async (input, context) => {
    recordExecution(context);
    await sleep(SLOW_ACTIVITY_MS, undefined, { signal: context.signal });
    return (input as number) * 2;
  })
  // Counts `input` pages, PAGE_MS each, from the checkpoint an earlier run gave heartbeat(); says where it began.
  .register("count_pages", async (input, context) => {
    recordExecution(context);
    const resumedFrom = (context.heartbeatDetails as { next: number } | undefined)?.next ?? 0;
    for (let page = resumedFrom; page < (input as number); page++) {
      await sleep(PAGE_MS, undefined, { signal: context.signal });
      context.heartbeat({ next: page + 1 });
    }
    return { resumedFrom };
  })
  // Kills its own worker on every run, as an activity that exhausts memory or exits the process would.
  .register("crash_worker", async (_input, context) => {
    recordExecution(context);
    process.kill(process.pid, "SIGKILL");
    return null;
  });

const db = connect(url, { embedded: process.env.FLOWCRAFT_EMBEDDED === "1" });
if (process.env.FLOWCRAFT_TEST_HOLD_COMPLETIONS === "1") holdCompletions(db.pool);
if (process.env.FLOWCRAFT_TEST_CRASH_DECIDING) crashDeciding(db.pool, process.env.FLOWCRAFT_TEST_CRASH_DECIDING);
const maxConcurrentActivities = Number(process.env.FLOWCRAFT_TEST_MAX_CONCURRENCY) || undefined;
// Its stdout speaks to the test (ready, holding): errors go to stderr, as plain text.
const worker = new Worker(db, { activities, maxConcurrentActivities, logger: silentLogger(), onError: (error) => console.error(`worker ${worker.id}:`, error) });
await worker.start();
console.log(`ready ${process.pid} ${worker.id}`);

/** Leaves every store of turns that completes an activity pending forever, as if the process had died just before it. */
function holdCompletions(pool: typeof db.pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  let announced = false;
  (pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const statement = config as { text?: string; values?: unknown[] };
    const isStore = typeof statement.text === "string" && statement.text.trimStart().startsWith("WITH stored AS");
    if (isStore && JSON.stringify(statement.values).includes("activity_completed")) {
      if (!announced) console.log("holding");
      announced = true;
      return new Promise(() => {});
    }
    return query(config, ...rest);
  };
}

/** Dies whenever it loads the history of `instanceId`, which deciding a turn of it begins with. */
function crashDeciding(pool: typeof db.pool, instanceId: string) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    const statement = config as { text?: string; values?: unknown[] };
    const loadsHistory = typeof statement.text === "string" && statement.text.trimStart().startsWith("SELECT h.instance_id, h.seq");
    if (loadsHistory && String(statement.values?.[0]).includes(JSON.stringify(instanceId))) process.kill(process.pid, "SIGKILL");
    return query(config, ...rest);
  };
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // A stop that hangs (its database gone) must not keep the process alive.
  setTimeout(() => process.exit(1), 15_000).unref();
  await worker.stop();
  await db.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
// The test holds the other end of stdin: should the test process die, this worker must not outlive it.
process.stdin.on("end", () => void shutdown());
process.stdin.resume();
