import type { Database } from "@flowcraft/db";
import { TERMINAL_STATUSES } from "@flowcraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchInstance, type InstanceUpdate } from "./instance-watch.ts";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
const definition = {
  version: 1,
  start: "first",
  nodes: {
    first: { type: "activity", activity: "step", input: "input", next: "second" },
    second: { type: "activity", activity: "step", input: "steps.first" },
  },
};

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker(new ActivityRegistry().register("step", (x) => (x as number) + 1));
  await rt.workflows.publish("two-steps", definition);
}, 60_000);

afterAll(() => rt.close());

/** The updates of one watch until `done` holds. */
async function updatesOf(id: string, chunkEvents: number, done: (updates: InstanceUpdate[]) => boolean): Promise<InstanceUpdate[]> {
  const controller = new AbortController();
  const updates: InstanceUpdate[] = [];
  for await (const update of watchInstance(rt.db, rt.instances, id, 0, controller.signal, chunkEvents)) {
    updates.push(update);
    if (done(updates)) break;
  }
  controller.abort();
  return updates;
}

describe("watching an instance", () => {
  it("sends a backlog in chunks, each saying how far the history goes, the definition with the first", async () => {
    const { instanceId } = await rt.instances.start("two-steps", 1);
    await waitForInstance(rt.instances, instanceId);
    const stored = await rt.db.pool.query<{ seq: number }>("SELECT seq FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
    const lastSeq = stored.rows.at(-1)!.seq;
    expect(lastSeq).toBeGreaterThan(4);

    const updates = await updatesOf(instanceId, 2, (sofar) => sofar.flatMap((update) => update.events).length >= lastSeq);
    expect(updates.map((update) => update.events.length)).toEqual([...Array(Math.floor(lastSeq / 2)).fill(2), ...(lastSeq % 2 ? [1] : [])]);
    expect(updates.flatMap((update) => update.events.map((event) => event.seq))).toEqual(stored.rows.map((row) => row.seq));
    expect(updates.every((update) => update.lastSeq === lastSeq)).toBe(true);
    expect(updates[0]!.definition).toEqual(definition);
    expect(updates.slice(1).some((update) => update.definition)).toBe(false);
    expect(updates[0]!.events[0]).toMatchObject({ type: "execution_started", seq: 1, generation: 1, workflowName: "two-steps", input: 1 });
  });

  it("never leaves the status behind the events it has sent, however the reads interleave with the worker", async () => {
    const { instanceId } = await rt.instances.start("two-steps", 21);
    // History reads that only answer once the instance has ended: the worst interleaving, where
    // the whole run happens between reading the instance and reading its events.
    const pool = new Proxy(rt.db.pool, {
      get(target, property, receiver) {
        if (property !== "query") return Reflect.get(target, property, receiver);
        return async (text: string, values?: unknown[]) => {
          if (typeof text === "string" && text.includes("FROM history_event")) await waitForInstance(rt.instances, instanceId);
          return target.query(text, values);
        };
      },
    });
    const slowHistory: Database = { ...rt.db, pool };
    const controller = new AbortController();
    let last = { status: "", seqs: [] as number[] };
    for await (const update of watchInstance(slowHistory, rt.instances, instanceId, 0, controller.signal)) {
      last = { status: update.instance.runtimeStatus, seqs: [...last.seqs, ...update.events.map((event) => event.seq)] };
      if (TERMINAL_STATUSES.has(update.instance.runtimeStatus) && last.seqs.length === update.lastSeq) break;
    }
    controller.abort();
    expect(last.status).toBe("COMPLETED");
    expect(last.seqs).toEqual((await rt.instances.history(instanceId)).map((event) => event.seq));
  }, 20_000);
});
