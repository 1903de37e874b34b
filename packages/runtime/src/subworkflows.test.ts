import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_SUBWORKFLOW_DEPTH } from "@flowcraft/definition";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
/** Card charges that are declined until the amount is at least this. */
let approvedFrom = 0;

beforeAll(async () => {
  rt = await createTestRuntime();
  const activities = new ActivityRegistry()
    .register("charge_card", (input) => {
      const { amount } = input as { amount: number };
      if (amount < approvedFrom) throw new Error(`declined: ${amount}`);
      return { charged: amount };
    })
    .register("refund", (input) => ({ refunded: input }));
  await rt.startWorker(activities);
}, 60_000);

afterAll(() => rt.close());

interface ChildRow {
  id: string;
  status: string;
  workflow_name: string;
  workflow_version: number;
  parent_instance_id: string | null;
  parent_step_id: string | null;
  parent_attempt: number | null;
  depth: number;
}

/** Children of the instance, oldest first, as stored. */
async function childrenOf(parentId: string): Promise<ChildRow[]> {
  const { rows } = await rt.db.pool.query<ChildRow>(
    `SELECT id, status, workflow_name, workflow_version, parent_instance_id, parent_step_id, parent_attempt, depth
     FROM instance WHERE parent_instance_id = $1 ORDER BY created_at, parent_step_id, parent_attempt`,
    [parentId],
  );
  return rows;
}

async function eventTypes(instanceId: string): Promise<string[]> {
  const { rows } = await rt.db.pool.query("SELECT type FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
  return rows.map((row) => row.type as string);
}

/** Polls until the instance has `count` children in a state `until` accepts. */
async function waitForChildren(parentId: string, count: number, until: (row: ChildRow) => boolean = () => true): Promise<ChildRow[]> {
  for (let i = 0; i < 1_200; i++) {
    const rows = await childrenOf(parentId);
    if (rows.filter(until).length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`instance ${parentId} never had ${count} such children: ${JSON.stringify(await childrenOf(parentId))}`);
}

describe("sub-workflows on a real database", () => {
  it("runs a child that waits for an event, and takes the child's output, not what it had before", async () => {
    await rt.workflows.publish("approve_order", {
      version: 1,
      start: "note",
      nodes: {
        note: { type: "activity", activity: "transform", input: "{'order': input.order, 'state': 'draft'}", next: "approval" },
        approval: { type: "wait", event: "approved", next: "done" },
        done: { type: "end", output: "{'order': steps.note.order, 'state': 'approved', 'by': steps.approval.by}" },
      },
    });
    await rt.workflows.publish("order", {
      version: 1,
      start: "approve",
      nodes: {
        approve: { type: "subworkflow", workflow: "approve_order", input: "{'order': input}", next: "done" },
        done: { type: "end", output: "{'result': steps.approve}" },
      },
    });
    const parent = await rt.instances.start("order", 42);
    const [child] = await waitForChildren(parent.instanceId, 1);
    expect(child).toMatchObject({ workflow_name: "approve_order", workflow_version: 1, parent_step_id: "approve", parent_attempt: 1, depth: 1 });
    await waitForInstance(rt.instances, child!.id, (view) => view.runtimeStatus === "RUNNING" && view.customStatus === null);
    await waitForOpenWait(child!.id);
    expect((await rt.instances.get(parent.instanceId)).runtimeStatus).toBe("RUNNING");
    await rt.instances.raiseEvent(child!.id, "approved", { by: "ana" });
    const done = await waitForInstance(rt.instances, parent.instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: { result: { order: 42, state: "approved", by: "ana" } } });
    expect(await eventTypes(parent.instanceId)).toEqual(["execution_started", "child_scheduled", "child_started", "child_completed", "execution_completed"]);
    const { rows } = await rt.db.pool.query("SELECT data FROM history_event WHERE instance_id = $1 AND type = 'child_started'", [parent.instanceId]);
    expect(rows[0].data).toMatchObject({ childId: child!.id, workflowVersion: 1 });
  });

  it("retries a failing child with a new child per attempt, then compensates through onError", async () => {
    approvedFrom = 1_000;
    await rt.workflows.publish("charge", {
      version: 1,
      start: "card",
      nodes: { card: { type: "activity", activity: "charge_card", input: "input" } },
    });
    await rt.workflows.publish("checkout", {
      version: 1,
      start: "pay",
      nodes: {
        pay: {
          type: "subworkflow",
          workflow: "charge",
          version: 1,
          input: "{'amount': input}",
          retry: { maxAttempts: 3, firstInterval: 0 },
          onError: { next: "refund" },
          next: "done",
        },
        refund: { type: "activity", activity: "refund", input: "error", next: "compensated" },
        compensated: { type: "end", output: "{'compensated': steps.refund.refunded.name, 'attempts': steps.refund.refunded.attempts}" },
        done: { type: "end" },
      },
    });
    const parent = await rt.instances.start("checkout", 5);
    const done = await waitForInstance(rt.instances, parent.instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: { compensated: "ActivityFailed", attempts: 3 } });
    const children = await childrenOf(parent.instanceId);
    expect(children.map((c) => [c.parent_attempt, c.status])).toEqual([
      [1, "FAILED"],
      [2, "FAILED"],
      [3, "FAILED"],
    ]);
    expect(new Set(children.map((c) => c.id)).size).toBe(3);
  });

  it("terminates a terminated parent's running children, and theirs, unless the step lets them continue", async () => {
    await rt.workflows.publish("idle", { version: 1, start: "w", nodes: { w: { type: "wait", event: "never" } } });
    await rt.workflows.publish("idle_parent", {
      version: 1,
      start: "inner",
      nodes: { inner: { type: "subworkflow", workflow: "idle" } },
    });
    await rt.workflows.publish("supervisor", {
      version: 1,
      start: "both",
      nodes: {
        both: {
          type: "parallel",
          branches: [
            { start: "nested", nodes: { nested: { type: "subworkflow", workflow: "idle_parent" } } },
            { start: "kept", nodes: { kept: { type: "subworkflow", workflow: "idle", onParentEnd: "continue" } } },
          ],
        },
      },
    });
    const parent = await rt.instances.start("supervisor", null);
    const children = await waitForChildren(parent.instanceId, 2, (c) => c.status === "RUNNING");
    const nested = children.find((c) => c.parent_step_id === "nested")!;
    const kept = children.find((c) => c.parent_step_id === "kept")!;
    const [grandchild] = await waitForChildren(nested.id, 1, (c) => c.status === "RUNNING");
    await rt.instances.terminate(parent.instanceId, { reason: "stop" });
    await waitForInstance(rt.instances, grandchild!.id);
    expect((await rt.instances.get(nested.id)).runtimeStatus).toBe("TERMINATED");
    expect((await rt.instances.get(grandchild!.id)).runtimeStatus).toBe("TERMINATED");
    const { rows } = await rt.db.pool.query("SELECT data FROM history_event WHERE instance_id = $1 AND type = 'terminated'", [nested.id]);
    expect(rows[0].data.reason).toBe(`its parent instance "${parent.instanceId}" ended`);
    expect((await rt.instances.get(kept.id)).runtimeStatus).toBe("RUNNING");
    await rt.instances.terminate(kept.id);
  });

  it("terminates the children a generation left running when the parent continues as new", async () => {
    await rt.workflows.publish("idle", { version: 1, start: "w", nodes: { w: { type: "wait", event: "never" } } });
    await rt.workflows.publish("spawning_monitor", {
      version: 1,
      start: "watch",
      nodes: {
        watch: {
          type: "monitor",
          interval: 0,
          maxIterations: 2,
          body: { start: "spawn", nodes: { spawn: { type: "subworkflow", workflow: "idle", wait: false } } },
        },
      },
    });
    const parent = await rt.instances.start("spawning_monitor", null);
    expect(await waitForInstance(rt.instances, parent.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", generation: 2 });
    const children = await waitForChildren(parent.instanceId, 2, (c) => c.status === "TERMINATED");
    const { rows } = await rt.db.pool.query(
      `SELECT c.parent_generation, h.data->>'reason' AS reason FROM instance c JOIN history_event h ON h.instance_id = c.id AND h.type = 'terminated'
       WHERE c.parent_instance_id = $1 ORDER BY c.parent_generation`,
      [parent.instanceId],
    );
    expect(children).toHaveLength(2);
    expect(rows).toEqual([
      { parent_generation: 1, reason: `its parent instance "${parent.instanceId}" continued as new` },
      { parent_generation: 2, reason: `its parent instance "${parent.instanceId}" ended` },
    ]);
  });

  it("without waiting, completes with the child's id while the child runs on", async () => {
    await rt.workflows.publish("notify_later", {
      version: 1,
      start: "w",
      nodes: { w: { type: "wait", event: "go", next: "done" }, done: { type: "end", output: "steps.w" } },
    });
    await rt.workflows.publish("fire_and_forget", {
      version: 1,
      start: "spawn",
      nodes: { spawn: { type: "subworkflow", workflow: "notify_later", wait: false, onParentEnd: "continue" } },
    });
    const parent = await rt.instances.start("fire_and_forget", null);
    const done = await waitForInstance(rt.instances, parent.instanceId);
    const [child] = await childrenOf(parent.instanceId);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: child!.id });
    await waitForOpenWait(child!.id);
    await rt.instances.raiseEvent(child!.id, "go", "now");
    expect(await waitForInstance(rt.instances, child!.id)).toMatchObject({ runtimeStatus: "COMPLETED", output: "now" });
    expect(await eventTypes(parent.instanceId)).toEqual(["execution_started", "child_scheduled", "child_started", "execution_completed"]);
  });

  it("refuses to publish a step naming a workflow or version that is not published, naming the step", async () => {
    const publish = rt.workflows.publish("calls_nothing", {
      version: 1,
      start: "a",
      nodes: { a: { type: "subworkflow", workflow: "no_such_workflow", next: "b" }, b: { type: "subworkflow", workflow: "charge", version: 9 } },
    });
    await expect(publish).rejects.toMatchObject({
      problems: [
        { path: "nodes.a.workflow", nodeId: "a", field: "workflow", message: 'unknown workflow "no_such_workflow": no version of it is published' },
        { path: "nodes.b.version", nodeId: "b", field: "version", message: 'workflow "charge" has no published version 9' },
      ],
    });
    await expect(rt.workflows.get("calls_nothing")).rejects.toThrow();
  });

  it(`fails clearly when a workflow recurses deeper than ${MAX_SUBWORKFLOW_DEPTH} levels`, async () => {
    await rt.workflows.publish("forever", {
      version: 1,
      start: "again",
      nodes: { again: { type: "subworkflow", workflow: "forever", input: "input + 1" } },
    });
    const root = await rt.instances.start("forever", 0);
    const failed = await waitForInstance(rt.instances, root.instanceId);
    expect(failed.runtimeStatus).toBe("FAILED");
    expect(failed.failure).toMatchObject({
      name: "SubworkflowDepthExceeded",
      message: `sub-workflows nest at most ${MAX_SUBWORKFLOW_DEPTH} deep: a child of this instance would be at depth ${MAX_SUBWORKFLOW_DEPTH + 1}`,
    });
    const { rows } = await rt.db.pool.query("SELECT max(depth) AS deepest, count(*)::int AS n FROM instance WHERE workflow_name = 'forever'");
    expect(rows[0]).toEqual({ deepest: MAX_SUBWORKFLOW_DEPTH, n: MAX_SUBWORKFLOW_DEPTH + 1 });
  });
});

/** Polls until the instance waits on an event (its wait is recorded). */
async function waitForOpenWait(instanceId: string) {
  for (let i = 0; i < 1_200; i++) {
    const { rows } = await rt.db.pool.query("SELECT 1 FROM open_wait WHERE instance_id = $1", [instanceId]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`instance ${instanceId} never waited`);
}

