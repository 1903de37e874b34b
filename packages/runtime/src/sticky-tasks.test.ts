/**
 * A task the deciding worker had no room to run at once stays its own for a while: that worker
 * holds the instance in memory and hands the result straight to its next decision. Only once the
 * task has waited STICKY_TASK_SECONDS may another worker take it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTasks, nextTaskDueInMs, STICKY_TASK_SECONDS } from "./activity-sql.ts";
import { ActivityRegistry } from "./sdk.ts";
import { TASK_LEASE } from "./task-leases.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("idle", { version: 1, start: "w", nodes: { w: { type: "wait", event: "never", next: "e" }, e: { type: "end" } } });
}, 60_000);
afterAll(() => rt.close());

/** A queued task of `instanceId`, sticky to `owner` (or to none), visible since `ageSeconds` ago. */
async function queueTask(instanceId: string, activityId: string, owner: string | null, ageSeconds = 0): Promise<number> {
  const { rows } = await rt.db.pool.query<{ id: number }>(
    `INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, visible_at, sticky_owner)
     VALUES ($1, 1, $2, 'sticky-work', 'n', 'null'::jsonb, 1, 60, now() - make_interval(secs => $3), $4) RETURNING id`,
    [instanceId, activityId, ageSeconds, owner],
  );
  return rows[0]!.id;
}

const claim = async (owner: string) => (await claimTasks(rt.db.pool, owner, ["sticky-work"], TASK_LEASE, 10)).map((task) => task.id);

describe("claiming a sticky task", () => {
  it("leaves it to its worker until it has waited, then lets any worker take it", async () => {
    const { instanceId } = await rt.instances.start("idle", null);
    const fresh = await queueTask(instanceId, "fresh", "worker-a");
    const stale = await queueTask(instanceId, "stale", "worker-a", STICKY_TASK_SECONDS + 1);
    const free = await queueTask(instanceId, "free", null);

    // Another worker takes the task sticky to no one, and the one that waited long enough.
    expect((await claim("worker-b")).sort()).toEqual([stale, free].sort());
    // It is told when the fresh one falls due to it, not woken again and again before that.
    const due = await nextTaskDueInMs(rt.db.pool, "worker-b", ["sticky-work"], 60_000);
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThanOrEqual(STICKY_TASK_SECONDS * 1000);
    expect(await nextTaskDueInMs(rt.db.pool, "worker-a", ["sticky-work"], 60_000)).toBeNull();

    expect(await claim("worker-a")).toEqual([fresh]);
    // Once claimed it is sticky no longer: were its worker lost, the task is anyone's when its lease runs out.
    const { rows } = await rt.db.pool.query("SELECT sticky_owner FROM activity_task WHERE id = $1", [fresh]);
    expect(rows[0].sticky_owner).toBeNull();
  });
});

describe("deciding with no room for every task", () => {
  it("stores the tasks its worker runs sticky to it, and those of other activities sticky to none", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const activities = new ActivityRegistry().register("held", async (item) => {
      await held;
      return item;
    });
    // One attempt at a time, and one more leased to wait for it: two of the four are left over.
    const worker = await rt.startWorker(activities, { maxConcurrentActivities: 1 });
    await rt.workflows.publish("held-fan", {
      version: 1,
      start: "fan",
      nodes: {
        fan: { type: "map", items: "[1..4]", body: { start: "work", nodes: { work: { type: "activity", activity: "held", input: "item" } } } },
      },
    });
    // Another worker's activity (registered, so that the definition publishes; that worker is gone).
    const elsewhere = await rt.startWorker(new ActivityRegistry().register("sticky-elsewhere", () => null), { orchestrate: false });
    await elsewhere.stop();
    await rt.workflows.publish("elsewhere", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "sticky-elsewhere" } } });
    const { instanceId } = await rt.instances.start("held-fan", null);
    const other = await rt.instances.start("elsewhere", null);

    const tasks = async (id: string) =>
      (await rt.db.pool.query<{ lease_owner: string | null; sticky_owner: string | null }>(
        "SELECT lease_owner, sticky_owner FROM activity_task WHERE instance_id = $1 ORDER BY id",
        [id],
      )).rows;
    while ((await tasks(instanceId)).length < 4 || (await tasks(other.instanceId)).length < 1) await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await tasks(instanceId)).toEqual([
      { lease_owner: worker.id, sticky_owner: null },
      { lease_owner: worker.id, sticky_owner: null },
      { lease_owner: null, sticky_owner: worker.id },
      { lease_owner: null, sticky_owner: worker.id },
    ]);
    expect(await tasks(other.instanceId)).toEqual([{ lease_owner: null, sticky_owner: null }]);

    release();
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: [1, 2, 3, 4] });
  }, 30_000);
});

describe("a worker whose slots are all busy", () => {
  it("still takes queued tasks into its backlog, to run in their turn", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Decides without running `queued-held`, so both tasks are queued in the table, sticky to no one.
    await rt.startWorker(new ActivityRegistry().register("queued-other", () => null));
    const runner = await rt.startWorker(
      new ActivityRegistry().register("queued-held", async (item) => {
        await held;
        return item;
      }),
      { orchestrate: false, maxConcurrentActivities: 1 },
    );
    await rt.workflows.publish("queued-pair", {
      version: 1,
      start: "fan",
      nodes: {
        fan: { type: "map", items: "[1, 2]", body: { start: "work", nodes: { work: { type: "activity", activity: "queued-held", input: "item" } } } },
      },
    });
    const { instanceId } = await rt.instances.start("queued-pair", null);

    const leasedToRunner = async () =>
      (await rt.db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM activity_task WHERE instance_id = $1 AND lease_owner = $2", [instanceId, runner.id]))
        .rows[0]!.n;
    // One runs and the other waits in the runner's backlog, leased, rather than in the table until
    // a slot frees (when newer tasks handed to the worker would take it first).
    const deadline = Date.now() + 10_000;
    while ((await leasedToRunner()) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await leasedToRunner()).toBe(2);

    release();
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: [1, 2] });
  }, 30_000);
});
