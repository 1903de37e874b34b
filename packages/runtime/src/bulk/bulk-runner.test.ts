/**
 * A bulk job's workers on a real Postgres: one that stops (lease kept, as a crashed worker keeps
 * it) is taken over once its lease expires, and no instance is acted on twice, not even the one
 * the stopped worker was acting on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, type TestRuntime } from "../test-helpers.ts";
import { BulkJobs, type BulkPerformer } from "./bulk-jobs.ts";
import { runBulkJob } from "./bulk-runner.ts";

let runtime: TestRuntime;
let jobs: BulkJobs;
const creator = { kind: "account", name: "olga", roles: ["operator"], groups: [] } as const;
const held = { version: 1, start: "go", nodes: { go: { type: "wait", event: "go", next: "done" }, done: { type: "end" } } };

beforeAll(async () => {
  runtime = await createTestRuntime();
  jobs = new BulkJobs(runtime.db, runtime.instances);
  await runtime.startWorker();
});
afterAll(() => runtime.close());

async function startMany(workflowName: string, count: number) {
  await runtime.workflows.publish(workflowName, held);
  for (let i = 0; i < count; i++) await runtime.instances.start(workflowName, null, { instanceId: `${workflowName}-${String(i).padStart(3, "0")}` });
}

/** Terminates as the server's performer does, and remembers each instance it was asked to act on. */
function terminating(seen: string[]): BulkPerformer {
  return async ({ creator }, instanceId) => {
    seen.push(instanceId);
    await runtime.instances.terminate(instanceId, { by: creator.name });
  };
}

const expireLease = (jobId: string) => runtime.db.pool.query("UPDATE bulk_job SET lease_expires_at = now() - interval '1 second' WHERE id = $1", [jobId]);

async function terminateCounts(workflowName: string): Promise<number[]> {
  const { rows } = await runtime.db.pool.query(
    `SELECT count(e.seq)::int AS n FROM instance i LEFT JOIN history_event e ON e.instance_id = i.id AND e.type = 'terminated'
     WHERE i.workflow_name = $1 GROUP BY i.id`,
    [workflowName],
  );
  return rows.map((row: { n: number }) => row.n);
}

async function untilTerminated(workflowName: string) {
  const deadline = Date.now() + 30_000;
  while ((await runtime.instances.countMatching({ workflowName, status: ["PENDING", "RUNNING"] })) > 0) {
    if (Date.now() > deadline) throw new Error("not all terminated");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("a bulk job whose worker stops", () => {
  it("is left alone while the lease holds, then resumed after the cursor without repeating any instance", async () => {
    await startMany("resumed", 90);
    const job = await jobs.create({ action: "terminate", parameters: {}, filter: { workflowName: "resumed" } }, creator);
    const first: string[] = [];
    // Three batches, then the worker is gone with the lease still its own.
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-a", terminating(first), { batchSize: 10, maxBatches: 3 })).toBe(true);
    expect(await jobs.get(job.jobId)).toMatchObject({ status: "running", done: 30 });

    const second: string[] = [];
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-b", terminating(second), { batchSize: 10 })).toBe(false);
    await expireLease(job.jobId);
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-b", terminating(second), { batchSize: 10 })).toBe(true);

    expect(await jobs.get(job.jobId)).toMatchObject({ status: "completed", matched: 90, done: 90, skipped: 0, failed: 0 });
    expect(first).toHaveLength(30);
    expect(second).toHaveLength(60);
    expect(new Set([...first, ...second]).size).toBe(90);
    await untilTerminated("resumed");
    expect(await terminateCounts("resumed")).toEqual(Array(90).fill(1));
  });

  it("does not act again on the instance a worker was acting on when it stopped, and that worker changes nothing once its lease is gone", async () => {
    await startMany("crashed", 40);
    const job = await jobs.create({ action: "terminate", parameters: {}, filter: { workflowName: "crashed" } }, creator);
    let wakeStalled!: () => void;
    const stalled = new Promise<void>((resolve) => (wakeStalled = resolve));
    const first: string[] = [];
    // Acts on the 15th instance, then hangs before it can record the outcome, as a killed worker would.
    const hanging: BulkPerformer = async (context, instanceId) => {
      await terminating(first)(context, instanceId);
      if (first.length === 15) await stalled;
    };
    const workerA = runBulkJob(runtime.db, runtime.instances, "worker-a", hanging, { batchSize: 10 });
    const deadline = Date.now() + 30_000;
    while (first.length < 15) {
      if (Date.now() > deadline) throw new Error("worker a did not get to the 15th instance");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await jobs.get(job.jobId)).toMatchObject({ status: "running", done: 14 });

    await expireLease(job.jobId);
    const second: string[] = [];
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-b", terminating(second), { batchSize: 10 })).toBe(true);
    wakeStalled();
    await workerA;

    const finished = await jobs.get(job.jobId);
    expect(finished).toMatchObject({ status: "completed", matched: 40, done: 39, failed: 1 });
    expect(finished.problems).toEqual([{ instanceId: first[14], outcome: "failed", reason: expect.stringContaining("not acted on again") }]);
    expect(second).toHaveLength(25);
    expect(second).not.toContain(first[14]);
    await untilTerminated("crashed");
    expect(await terminateCounts("crashed")).toEqual(Array(40).fill(1));
  });
});

describe("the instances a job takes", () => {
  it("include every instance that existed when it was asked for, even one created in the same millisecond", async () => {
    await runtime.workflows.publish("just-before", held);
    // The database keeps times to the microsecond and rounds a stored one to the millisecond:
    // an instance stored just before the job is often in the job's millisecond, or the next.
    for (let i = 0; i < 20; i++) {
      const id = `just-before-${String(i).padStart(3, "0")}`;
      await runtime.db.pool.query("INSERT INTO instance (id, workflow_name, workflow_version, input) VALUES ($1, 'just-before', 1, 'null')", [id]);
      const job = await jobs.create({ action: "terminate", parameters: {}, filter: { instanceId: id } }, creator);
      expect(job.matched, `the job asked for just after ${id} was stored`).toBe(1);
      const seen: string[] = [];
      expect(await runBulkJob(runtime.db, runtime.instances, "worker-a", terminating(seen))).toBe(true);
      expect(seen, `the job asked for just after ${id} was stored`).toEqual([id]);
    }
  });
});

describe("a job whose action cannot work", () => {
  it("ends as failed after 20 failures in a row, with the last error, instead of failing every instance left", async () => {
    await startMany("broken", 30);
    const job = await jobs.create({ action: "terminate", parameters: {}, filter: { workflowName: "broken" } }, creator);
    const failing: BulkPerformer = async () => {
      throw new Error("the disk is on fire");
    };
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-a", failing, { batchSize: 10 })).toBe(true);
    const ended = await jobs.get(job.jobId);
    expect(ended).toMatchObject({ status: "failed", done: 0, failed: 20, lastError: "the disk is on fire" });
    expect(ended.finishedAt).not.toBeNull();
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-a", failing)).toBe(false);
  });
});

describe("cancelling", () => {
  it("ends a queued job at once; no worker takes it", async () => {
    await startMany("never", 3);
    const job = await jobs.create({ action: "terminate", parameters: {}, instanceIds: ["never-002", "never-000", "never-001"] }, creator);
    expect(job.matched).toBe(3);
    expect(await jobs.cancel(job.jobId, "carl")).toMatchObject({ status: "cancelled", cancelRequestedBy: "carl", done: 0 });
    expect(await runBulkJob(runtime.db, runtime.instances, "worker-a", terminating([]))).toBe(false);
  });
});
