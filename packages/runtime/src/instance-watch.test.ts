import { TERMINAL_STATUSES } from "@flowcraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { watchInstance } from "./instance-watch.ts";
import { Instances } from "./instances.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker();
  await rt.workflows.publish("short", {
    version: 1,
    start: "double",
    nodes: { double: { type: "activity", activity: "transform", input: "input * 2", next: "done" }, done: { type: "end", output: "steps.double" } },
  });
}, 60_000);

afterAll(() => rt.close());

describe("watching an instance", () => {
  it("never leaves the status behind the events it has sent, however the reads interleave with the worker", async () => {
    const { instanceId } = await rt.instances.start("short", 21);
    // History reads that only answer once the instance has ended: the worst interleaving, where
    // the whole run happens between reading the instance and reading its events.
    const slowHistory = new Proxy(rt.instances, {
      get(target, property, receiver) {
        if (property !== "history") return Reflect.get(target, property, receiver);
        return async (...args: Parameters<Instances["history"]>) => {
          await waitForInstance(target, instanceId);
          return target.history(...args);
        };
      },
    });
    const controller = new AbortController();
    let last: { status: string; seqs: number[] } = { status: "", seqs: [] };
    for await (const update of watchInstance(rt.db, slowHistory, instanceId, 0, controller.signal)) {
      last = { status: update.instance.runtimeStatus, seqs: [...last.seqs, ...update.events.map((event) => event.seq)] };
      if (TERMINAL_STATUSES.has(update.instance.runtimeStatus)) break;
    }
    controller.abort();
    const history = await rt.instances.history(instanceId);
    expect(last.status).toBe("COMPLETED");
    expect(last.seqs).toEqual(history.map((event) => event.seq));
  }, 20_000);
});
