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

const eventsOf = (update: InstanceUpdate): Array<{ seq: number }> => JSON.parse(update.eventsJson);

describe("watching an instance", () => {
  it("sends a backlog in chunks, each saying how far the history goes, the definition with the first", async () => {
    const { instanceId } = await rt.instances.start("two-steps", 1);
    await waitForInstance(rt.instances, instanceId);
    const stored = await rt.db.pool.query<{ seq: number }>("SELECT seq FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
    const lastSeq = stored.rows.at(-1)!.seq;
    expect(lastSeq).toBeGreaterThan(4);

    const updates = await updatesOf(instanceId, 2, (sofar) => sofar.flatMap(eventsOf).length >= lastSeq);
    expect(updates.map((update) => eventsOf(update).length)).toEqual([...Array(Math.floor(lastSeq / 2)).fill(2), ...(lastSeq % 2 ? [1] : [])]);
    expect(updates.map((update) => update.eventCount)).toEqual(updates.map((update) => eventsOf(update).length));
    expect(updates.flatMap((update) => eventsOf(update).map((event) => event.seq))).toEqual(stored.rows.map((row) => row.seq));
    expect(updates.map((update) => update.seq)).toEqual(updates.map((update) => eventsOf(update).at(-1)!.seq));
    expect(updates.every((update) => update.lastSeq === lastSeq)).toBe(true);
    expect(updates[0]!.definition).toEqual(definition);
    expect(updates.slice(1).some((update) => update.definition)).toBe(false);
    expect(eventsOf(updates[0]!)[0]).toMatchObject({ type: "execution_started", seq: 1, generation: 1, workflowName: "two-steps", input: 1 });
  });

  it("sends each event exactly as the history API gives it, whatever its body holds", async () => {
    const awkward = { quote: 'say "hi"\\ \n', unicode: "Zürich 😀 \u2028", nested: [{ a: null, b: [1.5, -0, 1e21] }], empty: {} };
    const { instanceId } = await rt.instances.start("two-steps", awkward);
    await waitForInstance(rt.instances, instanceId);
    const [update] = await updatesOf(instanceId, 1000, () => true);
    expect(eventsOf(update!)).toEqual(await rt.instances.history(instanceId));
  });

  it("resumes after the seq it is given, with nothing for an instance that has not moved since", async () => {
    const { instanceId } = await rt.instances.start("two-steps", 3);
    await waitForInstance(rt.instances, instanceId);
    const history = await rt.instances.history(instanceId);
    const [resumed] = await updatesOf(instanceId, 1000, () => true);
    expect(eventsOf(resumed!).length).toBe(history.length);
    const controller = new AbortController();
    const iterator = watchInstance(rt.db, rt.instances, instanceId, history.at(-1)!.seq, controller.signal);
    const first = (await iterator.next()).value as InstanceUpdate;
    controller.abort();
    expect({ events: eventsOf(first), count: first.eventCount, seq: first.seq }).toEqual({ events: [], count: 0, seq: history.at(-1)!.seq });
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
      last = { status: update.instance.runtimeStatus, seqs: [...last.seqs, ...eventsOf(update).map((event) => event.seq)] };
      if (TERMINAL_STATUSES.has(update.instance.runtimeStatus) && last.seqs.length === update.lastSeq) break;
    }
    controller.abort();
    expect(last.status).toBe("COMPLETED");
    expect(last.seqs).toEqual((await rt.instances.history(instanceId)).map((event) => event.seq));
  }, 20_000);
});
