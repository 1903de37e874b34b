/**
 * Durability proofs with real worker processes (test-worker-process.ts): a worker killed in the
 * middle of a fan-out or of a long attempt, two workers racing over the same steps, and a timer
 * that falls due while no worker runs. Separate processes make the kill a real SIGKILL and the race a real one.
 *
 * Without DATABASE_URL the database is a PGlite served from this very process, so everything here
 * stays asynchronous: a blocked event loop would stall the workers' queries too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Instances } from "./instances.ts";
import { waitForInstance } from "./test-helpers.ts";
import { Workflows } from "./workflows.ts";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TSX = join(import.meta.dirname, "../node_modules/.bin/tsx");
const WORKER_SCRIPT = fileURLToPath(new URL("./test-worker-process.ts", import.meta.url));
const EMBEDDED = !process.env.DATABASE_URL;
/** Tells this run's worker processes apart from those of any other run on the same server. */
const RUN_TAG = randomBytes(3).toString("hex");
const POLL_MS = 25;
/** Activity slots of each racing worker: 1,000 steps take one worker 40 rounds of the slow activity. */
const RACE_CONCURRENCY = 25;

let db: TestDatabase;
let workflows: Workflows;
let instances: Instances;
let scratch: string;
let started = 0;
const processes: WorkerProcess[] = [];

/** A worker in a process of its own, started through tsx. */
class WorkerProcess {
  readonly label = `flowcraft-durability-${RUN_TAG}-${++started}`;
  /** The process running the worker, as it reported itself (tsx runs the script in a child). */
  pid = 0;
  workerId = "";
  /** Everything the process printed so far. */
  output = "";
  readonly ready: Promise<void>;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private hasExited = false;

  constructor(executionsFile: string, maxConcurrency?: number, holdCompletions = false, crashDeciding = "") {
    const url = new URL(db.url);
    // Names this process's connections, so a test can see them close after a kill.
    if (!EMBEDDED) url.searchParams.set("application_name", this.label);
    this.child = spawn(TSX, [WORKER_SCRIPT], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        FLOWCRAFT_EMBEDDED: EMBEDDED ? "1" : "0",
        FLOWCRAFT_TEST_EXECUTIONS: executionsFile,
        FLOWCRAFT_TEST_MAX_CONCURRENCY: maxConcurrency ? String(maxConcurrency) : "",
        FLOWCRAFT_TEST_HOLD_COMPLETIONS: holdCompletions ? "1" : "",
        FLOWCRAFT_TEST_CRASH_DECIDING: crashDeciding,
      },
      stdio: ["pipe", "pipe", "pipe"],
      // tsx and the worker it starts share this new process group, so one signal reaches both.
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      const exited = () => {
        this.hasExited = true;
        resolve();
      };
      this.child.once("exit", exited);
      // Spawning failed (no tsx): there is no process to wait for.
      this.child.once("error", exited);
    });
    this.child.stderr!.setEncoding("utf8").on("data", (chunk: string) => process.stderr.write(prefixLines(this.label, chunk)));
    this.ready = new Promise((resolve, reject) => {
      let output = "";
      const timer = setTimeout(() => reject(new Error(`${this.label} was not ready after 60 s`)), 60_000);
      this.child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
        output += chunk;
        const match = /^ready (\d+) (\S+)$/m.exec(output);
        if (match && !this.pid) {
          clearTimeout(timer);
          this.pid = Number(match[1]);
          this.workerId = match[2]!;
          resolve();
        }
      });
      this.child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${this.label} exited before it was ready (${code ?? signal})`));
      });
      this.child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    // Whoever awaits `ready` sees its failure; this only keeps it from counting as unhandled.
    this.ready.catch(() => {});
    this.child.stdout!.on("data", (chunk: string) => (this.output += chunk));
  }

  /** Resolves once the process has exited, whoever ended it. */
  whenExited(): Promise<void> {
    return this.exited;
  }

  /** SIGKILL to tsx and the worker at once: no clean-up runs, as in a crash. */
  async kill() {
    this.signalGroup("SIGKILL");
    await this.exited;
    if (this.pid) await waitFor(`${this.label} (pid ${this.pid}) to die`, async () => !(await isRunning(this.pid)), 10_000);
  }

  /** SIGTERM (tsx passes it on): the worker stops cleanly; killed if it takes too long. */
  async stop() {
    if (this.hasExited) return;
    this.child.kill("SIGTERM");
    const timeout = new AbortController();
    const stopped = await Promise.race([this.exited.then(() => true), sleep(20_000, false, { signal: timeout.signal }).catch(() => false)]);
    timeout.abort();
    if (!stopped) await this.kill();
    else if (this.pid) await waitFor(`${this.label} (pid ${this.pid}) to exit`, async () => !(await isRunning(this.pid)), 10_000);
  }

  private signalGroup(signal: NodeJS.Signals) {
    try {
      process.kill(-this.child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  }
}

async function startWorkerProcess(executionsFile: string, maxConcurrency?: number, holdCompletions = false, crashDeciding = ""): Promise<WorkerProcess> {
  const worker = new WorkerProcess(executionsFile, maxConcurrency, holdCompletions, crashDeciding);
  processes.push(worker);
  await worker.ready;
  return worker;
}

function prefixLines(label: string, text: string): string {
  return text.replace(/^(?=.)/gm, `[${label}] `);
}

/** Whether a process still runs; a zombie left to an init that does not reap does not count. */
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  return stat === null || !/^\d+ \(.*\) Z /s.test(stat);
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/**
 * Returns once the killed process can change nothing more: the server has seen all its connections
 * close. PGlite shows no connections, but its socket server runs in this process and rolls back
 * what a closed connection left open as soon as it notices; a moment is plenty for that.
 */
async function waitForConnectionsGone(worker: WorkerProcess) {
  if (EMBEDDED) {
    await sleep(1_000);
    return;
  }
  await waitFor(`the connections of ${worker.label} to close`, async () => {
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [worker.label]);
    return rows[0].n === 0;
  });
}

/** Per activity id (a sub-workflow step's place for child events), how many events of this type the instance's history holds. */
async function eventCounts(instanceId: string, type: string): Promise<Map<string, number>> {
  const { rows } = await db.pool.query(
    "SELECT coalesce(data->>'activityId', data->>'stepId') AS id, count(*)::int AS n FROM history_event WHERE instance_id = $1 AND type = $2 GROUP BY 1",
    [instanceId, type],
  );
  return new Map(rows.map((row) => [row.id as string, row.n as number]));
}

async function expectGapFreeHistory(instanceId: string) {
  const { rows } = await db.pool.query("SELECT seq FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
  expect(rows.map((row) => row.seq)).toEqual(rows.map((_, i) => i + 1));
}

interface Execution {
  activityId: string;
  attempt: number;
  pid: number;
}

/** Executions the worker processes recorded for one instance. */
async function readExecutions(file: string, instanceId: string): Promise<Execution[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .map((line) => line.split("\t"))
    .filter((fields) => fields.length === 4 && fields[0] === instanceId)
    .map(([, activityId, attempt, pid]) => ({ activityId: activityId!, attempt: Number(attempt), pid: Number(pid) }));
}

function countBy<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** A map over its input, ten items at a time, each a slow activity that doubles it. */
const DOUBLE_EACH = {
  version: 1,
  start: "fan",
  nodes: {
    fan: {
      type: "map",
      items: "input",
      maxConcurrency: 10,
      // A short timeout: the dead worker's task leases (timeout + grace) run out soon after the kill.
      body: { start: "double", nodes: { double: { type: "activity", activity: "slow_double", input: "item", timeout: 2 } } },
    },
  },
};

async function completedItems(instanceId: string): Promise<number> {
  const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM history_event WHERE instance_id = $1 AND type = 'activity_completed'", [instanceId]);
  return rows[0].n;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/** The activity ids the engine gives the body step `node` of map `map` (iterations from 0). */
const mapActivityIds = (map: string, node: string, n: number) => Array.from({ length: n }, (_, i) => `${map}[${i}].${node}`);

beforeAll(async () => {
  db = await createTestDatabase();
  workflows = new Workflows(db);
  instances = new Instances(db);
  scratch = await mkdtemp(join(tmpdir(), "flowcraft-durability-"));
});

afterEach(async () => {
  await Promise.all(processes.splice(0).map((worker) => worker.stop()));
});

afterAll(async () => {
  await Promise.all(processes.splice(0).map((worker) => worker.kill()));
  await db?.destroy();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("durability with worker processes", () => {
  it("after a SIGKILL mid fan-out, a new worker runs only the unfinished items, each completing once", async () => {
    const executions = join(scratch, "fan-out.log");
    const first = await startWorkerProcess(executions);
    await workflows.publish("double_each", DOUBLE_EACH);
    const input = range(100);
    const ids = mapActivityIds("fan", "double", 100);
    const { instanceId } = await instances.start("double_each", input);

    await waitFor("40 items to complete", async () => (await completedItems(instanceId)) >= 40);
    await first.kill();
    await waitForConnectionsGone(first);

    // The history as the first worker left it: nothing can add to it until another worker starts.
    // (Results it reported but no turn recorded yet wait in the inbox; they must not run again either.)
    const completedAtKill = new Set((await eventCounts(instanceId, "activity_completed")).keys());
    const scheduledAtKill = new Set((await eventCounts(instanceId, "activity_scheduled")).keys());
    expect(completedAtKill.size).toBeGreaterThanOrEqual(40);
    // Some items were never scheduled: work the second worker has to do.
    expect(scheduledAtKill.size).toBeLessThan(100);
    expect((await instances.get(instanceId)).runtimeStatus).toBe("RUNNING");

    const second = await startWorkerProcess(executions);
    const done = await waitForInstance(instances, instanceId, undefined, 90_000);
    expect(done.runtimeStatus).toBe("COMPLETED");
    expect(done.output).toEqual(input.map((n) => n * 2));

    const completions = await eventCounts(instanceId, "activity_completed");
    expect([...completions.keys()].sort()).toEqual([...ids].sort());
    expect([...completions.values()].every((n) => n === 1)).toBe(true);
    await expectGapFreeHistory(instanceId);

    const all = await readExecutions(executions, instanceId);
    const bySecond = all.filter((e) => e.pid === second.pid).map((e) => e.activityId);
    // The second worker re-ran nothing the first had finished, and ran each item at most once.
    expect(bySecond.filter((id) => completedAtKill.has(id))).toEqual([]);
    expect([...countBy(bySecond).values()].every((n) => n === 1)).toBe(true);
    // Items never scheduled before the kill could only have run on the second worker.
    expect(ids.filter((id) => !scheduledAtKill.has(id) && !bySecond.includes(id))).toEqual([]);
    // Only items in flight at the kill ran twice; maxConcurrency bounds how many those were.
    const ranTwice = [...countBy(all.map((e) => e.activityId))].filter(([, n]) => n > 1).map(([id]) => id);
    const inFlightAtKill = [...scheduledAtKill].filter((id) => !completedAtKill.has(id));
    expect(ranTwice.filter((id) => !inFlightAtKill.includes(id))).toEqual([]);
    expect(inFlightAtKill.length).toBeLessThanOrEqual(10);
    expect(all.every((e) => e.pid === first.pid || e.pid === second.pid)).toBe(true);
  }, 150_000);

  it("a 100-item fan-out whose worker is killed three times completes every item exactly once, unquarantined", async () => {
    const executions = join(scratch, "chaos.log");
    let worker = await startWorkerProcess(executions);
    await workflows.publish("double_each", DOUBLE_EACH);
    const input = range(100);
    const { instanceId } = await instances.start("double_each", input);

    // Each worker is killed once it has added some completions: in the middle of the fan-out, with
    // activities in flight and turns being decided.
    for (let kill = 1; kill <= 3; kill++) {
      const before = await completedItems(instanceId);
      await waitFor(`worker ${kill} to complete more items`, async () => (await completedItems(instanceId)) >= before + 15);
      await worker.kill();
      await waitForConnectionsGone(worker);
      expect((await instances.get(instanceId)).runtimeStatus).toBe("RUNNING");
      worker = await startWorkerProcess(executions);
    }
    const done = await waitForInstance(instances, instanceId, undefined, 90_000);
    expect(done.runtimeStatus).toBe("COMPLETED");
    expect(done.output).toEqual(input.map((n) => n * 2));

    const completions = await eventCounts(instanceId, "activity_completed");
    expect([...completions.keys()].sort()).toEqual(mapActivityIds("fan", "double", 100).sort());
    expect([...completions.values()].every((n) => n === 1)).toBe(true);
    await expectGapFreeHistory(instanceId);
    const { rows } = await db.pool.query("SELECT unfinished_claims FROM instance WHERE id = $1", [instanceId]);
    expect(rows[0].unfinished_claims).toBe(0);
  }, 180_000);

  it("an activity that kills its worker on every run fails after three runs, instead of killing workers forever", async () => {
    const executions = join(scratch, "crash-worker.log");
    // Running before the workflow is published: publishing checks that some worker runs its activity.
    let worker = await startWorkerProcess(executions);
    await workflows.publish("crashes_its_worker", {
      version: 1,
      start: "crash",
      nodes: { crash: { type: "activity", activity: "crash_worker", input: "input", retry: { maxAttempts: 5 } } },
    });
    const { instanceId } = await instances.start("crashes_its_worker", 1);
    // A supervisor's part: whenever the worker dies, another starts, until the instance ends.
    let ended = false;
    const supervising = (async () => {
      for (let replacements = 0; !ended; replacements++) {
        await Promise.race([worker.whenExited(), waitFor("the instance to end", async () => ended, 120_000)]);
        if (ended || replacements === 5) break;
        worker = await startWorkerProcess(executions);
      }
      await worker.kill();
    })();
    const done = await waitForInstance(instances, instanceId, undefined, 120_000).finally(() => (ended = true));
    await supervising;

    expect(done.runtimeStatus).toBe("FAILED");
    expect(done.failure).toMatchObject({ name: "WorkerLost", node: "crash" });
    expect(done.failure?.message).toContain('"crash_worker"');
    // Three runs of the first attempt, and no retry: another attempt would only kill more workers.
    expect((await readExecutions(executions, instanceId)).map((e) => e.attempt)).toEqual([1, 1, 1]);
  }, 150_000);

  it("a fan-out of sub-workflows whose worker is killed twice starts each child once and completes", async () => {
    const executions = join(scratch, "children.log");
    let worker = await startWorkerProcess(executions);
    await workflows.publish("double_child", { version: 1, start: "double", nodes: { double: { type: "activity", activity: "slow_double", input: "input", timeout: 2 } } });
    await workflows.publish("double_children", {
      version: 1,
      start: "fan",
      nodes: { fan: { type: "map", items: "input", maxConcurrency: 10, body: { start: "child", nodes: { child: { type: "subworkflow", workflow: "double_child", input: "item" } } } } },
    });
    const input = range(60);
    const { instanceId } = await instances.start("double_children", input);
    const childrenEnded = async () => (await eventCounts(instanceId, "child_completed")).size;

    for (let kill = 1; kill <= 2; kill++) {
      const before = await childrenEnded();
      await waitFor(`worker ${kill} to see more children complete`, async () => (await childrenEnded()) >= before + 10);
      await worker.kill();
      await waitForConnectionsGone(worker);
      worker = await startWorkerProcess(executions);
    }
    const done = await waitForInstance(instances, instanceId, undefined, 90_000);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: input.map((n) => n * 2) });

    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS children, count(DISTINCT parent_step_id)::int AS places, count(*) FILTER (WHERE status = 'COMPLETED')::int AS completed
       FROM instance WHERE parent_instance_id = $1`,
      [instanceId],
    );
    expect(rows[0]).toEqual({ children: 60, places: 60, completed: 60 });
    for (const type of ["child_scheduled", "child_started", "child_completed"]) {
      const counts = await eventCounts(instanceId, type);
      expect([...counts.keys()].sort(), type).toEqual(mapActivityIds("fan", "child", 60).sort());
      expect([...counts.values()].every((n) => n === 1), type).toBe(true);
    }
    await expectGapFreeHistory(instanceId);
  }, 180_000);

  it("a poison instance that crashes its worker on every turn is quarantined, and none of the thirty claimed with it", async () => {
    const executions = join(scratch, "poison.log");
    // The first worker only registers the activity; the instances wait in the inbox, claimed together later.
    await (await startWorkerProcess(executions)).stop();
    await workflows.publish("one_double", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "slow_double", input: "input", timeout: 2 } } });
    const healthy = await Promise.all(range(30).map(async (n) => (await instances.start("one_double", n, { instanceId: `healthy-${String(n).padStart(2, "0")}` })).instanceId));
    const { instanceId: poison } = await instances.start("one_double", 0, { instanceId: "poison" });

    let crashes = 0;
    for (let restart = 0; restart < 12 && (await instances.get(poison)).runtimeStatus !== "FAILED"; restart++) {
      const worker = await startWorkerProcess(executions, undefined, false, poison);
      const crashed = await Promise.race([worker.whenExited().then(() => true), waitForInstance(instances, poison, undefined, 60_000).then(() => false)]);
      if (crashed) crashes++;
      else await worker.stop();
    }
    expect(await instances.get(poison)).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "Quarantined" } });
    expect(crashes).toBe(5);

    await startWorkerProcess(executions);
    for (const [n, id] of healthy.entries()) expect(await waitForInstance(instances, id)).toMatchObject({ runtimeStatus: "COMPLETED", output: (n + 1) * 2 });
    const completions = await db.pool.query("SELECT instance_id, count(*)::int AS n FROM history_event WHERE type = 'activity_completed' AND instance_id LIKE 'healthy-%' GROUP BY 1");
    expect(completions.rows.map((r) => r.n)).toEqual(healthy.map(() => 1));
  }, 240_000);

  it("two workers racing over the same 1,000 ready steps complete every step exactly once", async () => {
    const executions = join(scratch, "race.log");
    // Both workers run before there is work, so neither has a head start. Few slots and a slow
    // activity keep either one alone busy for seconds, well past the other's idle poll: both get
    // steps even where NOTIFY does not cross processes (PGlite).
    const [a, b] = await Promise.all([startWorkerProcess(executions, RACE_CONCURRENCY), startWorkerProcess(executions, RACE_CONCURRENCY)]);
    await workflows.publish("race_1000", {
      version: 1,
      start: "fan",
      nodes: {
        fan: { type: "map", items: "input", body: { start: "double", nodes: { double: { type: "activity", activity: "slow_double", input: "item" } } } },
      },
    });
    const input = range(1_000);
    const ids = mapActivityIds("fan", "double", 1_000);
    const { instanceId } = await instances.start("race_1000", input);

    const done = await waitForInstance(instances, instanceId, undefined, 150_000);
    expect(done.runtimeStatus).toBe("COMPLETED");
    expect(done.output).toEqual(input.map((n) => n * 2));

    for (const type of ["activity_scheduled", "activity_completed"]) {
      const counts = await eventCounts(instanceId, type);
      expect(counts.size, type).toBe(1_000);
      expect([...counts.keys()].sort(), type).toEqual([...ids].sort());
      expect([...counts.values()].every((n) => n === 1), type).toBe(true);
    }
    await expectGapFreeHistory(instanceId);

    // No step was claimed twice: with no crash and no expired lease, each ran exactly once.
    const runs = await readExecutions(executions, instanceId);
    expect(runs).toHaveLength(1_000);
    expect(new Set(runs.map((e) => e.activityId)).size).toBe(1_000);
    expect(runs.every((e) => e.pid === a.pid || e.pid === b.pid)).toBe(true);

    // Both workers took part, and the history names which one ran each attempt.
    const { rows } = await db.pool.query(
      "SELECT DISTINCT data->>'worker' AS worker FROM history_event WHERE instance_id = $1 AND type = 'activity_completed'",
      [instanceId],
    );
    expect(rows.map((row) => row.worker).sort()).toEqual([a.workerId, b.workerId].sort());
  }, 180_000);

  it("after a SIGKILL between finishing activities and storing their results, the attempts run again and complete once", async () => {
    const executions = join(scratch, "hand-over.log");
    const first = await startWorkerProcess(executions, undefined, true);
    await workflows.publish("double_each", DOUBLE_EACH);
    const input = range(5);
    const ids = mapActivityIds("fan", "double", 5);
    const { instanceId } = await instances.start("double_each", input);

    // Every item ran on the first worker, whose decision recording their results never reaches the database.
    await waitFor("the first worker to run every item", async () => (await readExecutions(executions, instanceId)).length === 5);
    await waitFor("a decision to hold results back", async () => first.output.includes("holding"));
    await sleep(500);
    // The results went from the runner to the decision in memory: no inbox row, and the tasks are
    // still leased to the first worker, the only record that the attempts have to run again.
    const inbox = await db.pool.query("SELECT kind FROM inbox_message WHERE instance_id = $1", [instanceId]);
    expect(inbox.rows).toEqual([]);
    const tasks = await db.pool.query("SELECT activity_id, lease_owner FROM activity_task WHERE instance_id = $1", [instanceId]);
    expect(tasks.rows.map((row) => row.activity_id).sort()).toEqual([...ids].sort());
    expect(tasks.rows.every((row) => row.lease_owner === first.workerId)).toBe(true);
    await first.kill();
    await waitForConnectionsGone(first);
    expect((await eventCounts(instanceId, "activity_completed")).size).toBe(0);

    const second = await startWorkerProcess(executions);
    const done = await waitForInstance(instances, instanceId, undefined, 60_000);
    expect(done.runtimeStatus).toBe("COMPLETED");
    expect(done.output).toEqual(input.map((n) => n * 2));
    const completions = await eventCounts(instanceId, "activity_completed");
    expect([...completions.keys()].sort()).toEqual([...ids].sort());
    expect([...completions.values()].every((n) => n === 1)).toBe(true);
    await expectGapFreeHistory(instanceId);
    // Each item ran once on each worker: the lost results cost a second run, nothing more.
    const runs = await readExecutions(executions, instanceId);
    expect(runs.filter((e) => e.pid === first.pid).map((e) => e.activityId).sort()).toEqual([...ids].sort());
    expect(runs.filter((e) => e.pid === second.pid).map((e) => e.activityId).sort()).toEqual([...ids].sort());
    const { rows } = await db.pool.query("SELECT DISTINCT data->>'worker' AS worker FROM history_event WHERE instance_id = $1 AND type = 'activity_completed'", [
      instanceId,
    ]);
    expect(rows.map((row) => row.worker)).toEqual([second.workerId]);
  }, 90_000);

  it("an attempt whose worker is killed runs on another within seconds, from the checkpoint it gave heartbeat()", async () => {
    const executions = join(scratch, "checkpoint.log");
    // Both run before there is work: the one that takes the attempt is killed, and the other is ready at once.
    const workers = await Promise.all([startWorkerProcess(executions), startWorkerProcess(executions)]);
    // The default timeout of 300 s: until now a dead worker's attempt waited that long, plus 5 s.
    await workflows.publish("count_pages", { version: 1, start: "count", nodes: { count: { type: "activity", activity: "count_pages", input: "input" } } });
    const { instanceId } = await instances.start("count_pages", 300);

    let checkpoint = 0;
    let owner = "";
    await waitFor("a lease renewal to save a checkpoint of the running attempt", async () => {
      const { rows } = await db.pool.query("SELECT lease_owner, heartbeat_details FROM activity_task WHERE instance_id = $1", [instanceId]);
      checkpoint = rows[0]?.heartbeat_details?.next ?? 0;
      owner = rows[0]?.lease_owner ?? "";
      return checkpoint > 0;
    });
    const killed = workers.find((w) => w.workerId === owner)!;
    const survivor = workers.find((w) => w !== killed)!;
    const killedAt = Date.now();
    await killed.kill();
    await waitFor("the attempt to run again on the other worker", async () => (await readExecutions(executions, instanceId)).some((e) => e.pid === survivor.pid), 30_000);
    expect(Date.now() - killedAt).toBeLessThan(30_000);

    const done = await waitForInstance(instances, instanceId, undefined, 60_000);
    expect(done.runtimeStatus).toBe("COMPLETED");
    expect((done.output as { resumedFrom: number }).resumedFrom).toBeGreaterThanOrEqual(checkpoint);
    // The same attempt ran again, not a retry: history shows one completion, by the survivor.
    const runs = await readExecutions(executions, instanceId);
    expect(runs.map((e) => [e.attempt, e.pid])).toEqual([
      [1, killed.pid],
      [1, survivor.pid],
    ]);
    const { rows } = await db.pool.query("SELECT type, data->>'worker' AS worker FROM history_event WHERE instance_id = $1 AND type LIKE 'activity_%' ORDER BY seq", [instanceId]);
    expect(rows).toEqual([
      { type: "activity_scheduled", worker: null },
      { type: "activity_completed", worker: survivor.workerId },
    ]);
  }, 120_000);

  it("fires a timer that fell due while no worker ran, once a worker starts", async () => {
    const executions = join(scratch, "timer.log");
    const first = await startWorkerProcess(executions);
    await workflows.publish("timer_gap", {
      version: 1,
      start: "pause",
      nodes: {
        pause: { type: "timer", duration: 1, next: "out" },
        out: { type: "end", output: '"woke"' },
      },
    });
    const { instanceId } = await instances.start("timer_gap", null);
    await waitFor("the timer to be created", async () => {
      const { rows } = await db.pool.query("SELECT 1 FROM history_event WHERE instance_id = $1 AND type = 'timer_created'", [instanceId]);
      return rows.length === 1;
    });
    await first.kill();
    await waitForConnectionsGone(first);

    // Let the timer fall well due with no worker running; nothing may fire it meanwhile.
    await waitFor(
      "the timer to be overdue",
      async () => {
        const { rows } = await db.pool.query(
          "SELECT 1 FROM inbox_message WHERE instance_id = $1 AND kind = 'timer' AND visible_at < now() - interval '1 second'",
          [instanceId],
        );
        return rows.length === 1;
      },
      10_000,
    );
    expect((await instances.get(instanceId)).runtimeStatus).toBe("RUNNING");
    const before = await db.pool.query("SELECT 1 FROM history_event WHERE instance_id = $1 AND type = 'timer_fired'", [instanceId]);
    expect(before.rows).toHaveLength(0);

    await startWorkerProcess(executions);
    const done = await waitForInstance(instances, instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: "woke" });
    const types = (await instances.history(instanceId)).map((e) => e.type);
    expect(types).toEqual(["execution_started", "timer_created", "timer_fired", "execution_completed"]);
    await expectGapFreeHistory(instanceId);
  }, 90_000);
});
