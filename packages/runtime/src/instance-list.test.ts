import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker();
  await rt.workflows.publish("waits", {
    version: 1,
    start: "route",
    nodes: {
      route: { type: "decision", choices: [{ when: "input = 'event'", next: "wait" }, { when: "input = 'timer'", next: "sleep" }], default: "done" },
      wait: { type: "wait", event: "go", timeout: 3600, onTimeout: "done", next: "done" },
      sleep: { type: "timer", duration: 3600, next: "done" },
      done: { type: "end" },
    },
  });
}, 60_000);

afterAll(() => rt.close());

describe("listing instances", () => {
  it("counts per status, and lists the waiting ones with what they wait on", async () => {
    const waiting = await rt.instances.start("waits", "event");
    const sleeping = await rt.instances.start("waits", "timer");
    const finished = await rt.instances.start("waits", "none");
    await waitForInstance(rt.instances, finished.instanceId);
    await waitForInstance(rt.instances, sleeping.instanceId, (view) => view.runtimeStatus === "RUNNING");
    for (let i = 0; i < 200 && (await rt.instances.counts({ workflowName: "waits" })).waiting < 2; i++) await new Promise((r) => setTimeout(r, 25));

    expect(await rt.instances.counts({ workflowName: "waits" })).toEqual({
      byStatus: { PENDING: 0, RUNNING: 2, SUSPENDED: 0, COMPLETED: 1, FAILED: 0, TERMINATED: 0 },
      waiting: 2,
    });
    const page = await rt.instances.list({ workflowName: "waits", waiting: true });
    const byId = new Map(page.instances.map((instance) => [instance.instanceId, instance.waitingOn]));
    expect([...byId.keys()].sort()).toEqual([waiting.instanceId, sleeping.instanceId].sort());
    expect(byId.get(waiting.instanceId)).toEqual([{ kind: "event", node: "wait", event: "go", since: expect.any(String), until: expect.any(String), approval: false }]);
    expect(byId.get(sleeping.instanceId)).toEqual([{ kind: "timer", node: "sleep", event: null, since: expect.any(String), until: expect.any(String), approval: false }]);

    await rt.instances.raiseEvent(waiting.instanceId, "go", null);
    await waitForInstance(rt.instances, waiting.instanceId);
    expect((await rt.instances.list({ workflowName: "waits", waiting: true })).instances.map((i) => i.instanceId)).toEqual([sleeping.instanceId]);
    expect((await rt.instances.counts({ workflowName: "waits" })).waiting).toBe(1);
  });

  it("lists the oldest five of a fan-out's open waits and counts them all", async () => {
    await rt.workflows.publish("many-waits", {
      version: 1,
      start: "each",
      nodes: { each: { type: "map", items: "input", body: { start: "wait", nodes: { wait: { type: "wait", event: "go", timeout: 3600 } } } } },
    });
    const { instanceId } = await rt.instances.start("many-waits", [1, 2, 3, 4, 5, 6, 7, 8]);
    const listed = async () => (await rt.instances.list({ workflowName: "many-waits" })).instances[0]!;
    for (let i = 0; i < 400 && (await listed()).waitingOnTotal < 8; i++) await new Promise((r) => setTimeout(r, 25));

    const before = await listed();
    expect(before.waitingOnTotal).toBe(8);
    expect(before.waitingOn).toHaveLength(5);
    expect(before.waitingOn.every((wait) => wait.kind === "event" && wait.event === "go")).toBe(true);

    await rt.instances.raiseEvent(instanceId, "go", null);
    for (let i = 0; i < 400 && (await listed()).waitingOnTotal > 7; i++) await new Promise((r) => setTimeout(r, 25));
    const after = await listed();
    expect(after.waitingOnTotal).toBe(7);
    expect(after.waitingOn).toHaveLength(5);
  });

  it("pages through every instance once, newest or oldest first, and refuses a cursor of the other order", async () => {
    await rt.workflows.publish("paged", { version: 1, start: "done", nodes: { done: { type: "end" } } });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await rt.instances.start("paged", i, { instanceId: `paged-${i}` })).instanceId);
    const walk = async (order: "newest" | "oldest") => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await rt.instances.list({ workflowName: "paged", order, limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.instances.map((instance) => instance.instanceId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    expect(await walk("oldest")).toEqual(ids);
    expect(await walk("newest")).toEqual([...ids].reverse());

    const { nextCursor } = await rt.instances.list({ workflowName: "paged", order: "oldest", limit: 3 });
    await expect(rt.instances.list({ workflowName: "paged", order: "newest", cursor: nextCursor! })).rejects.toThrow(/pages the oldest first order/);
    await expect(rt.instances.list({ cursor: "not-a-cursor" })).rejects.toThrow(/not one this server returned/);
  });

  it("pushes a change when an instance starts", async () => {
    const controller = new AbortController();
    const changes = rt.instances.changes(controller.signal);
    await changes.next();
    const next = changes.next();
    await rt.instances.start("waits", "none");
    await expect(next).resolves.toMatchObject({ done: false, value: { changedAt: expect.any(String) } });
    controller.abort();
  });
});
