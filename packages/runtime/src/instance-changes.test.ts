import type { Database } from "@flowcraft/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGES_INTERVAL_MS, InstanceChanges } from "./instance-changes.ts";
import { createTestRuntime, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.workflows.publish("ends", { version: 1, start: "done", nodes: { done: { type: "end" } } });
}, 60_000);

afterAll(() => rt.close());

/** The database, counting the looks at the instance table. */
function counted(db: Database) {
  const looks = { count: 0 };
  const pool = new Proxy(db.pool, {
    get(target, property, receiver) {
      if (property !== "query") return Reflect.get(target, property, receiver);
      return (text: string, values?: unknown[]) => {
        if (typeof text === "string" && text.includes("count(*) AS count FROM instance")) looks.count++;
        return target.query(text, values);
      };
    },
  });
  return { db: { ...db, pool } as Database, looks };
}

describe("the change feed of all instances", () => {
  it("tells every watcher at once and of each change, with one look a second for all of them", async () => {
    const { db, looks } = counted(rt.db);
    const changes = new InstanceChanges(db);
    const stop = new AbortController();
    const watchers = [0, 1, 2].map(() => changes.watch(stop.signal));
    const first = await Promise.all(watchers.map((watcher) => watcher.next()));
    expect(first.every((result) => !result.done && typeof result.value.changedAt === "string")).toBe(true);

    const next = watchers.map((watcher) => watcher.next());
    await rt.instances.start("ends", null);
    const told = await Promise.all(next);
    expect(told.every((result) => !result.done)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, CHANGES_INTERVAL_MS * 2));
    // Three watchers for about three seconds: about three looks, not three each.
    expect(looks.count).toBeLessThanOrEqual(5);
    stop.abort();
    expect((await Promise.all(watchers.map((watcher) => watcher.next()))).every((result) => result.done)).toBe(true);
  });

  it("tells a watcher who comes later the latest change at once, without looking again", async () => {
    const { db, looks } = counted(rt.db);
    const changes = new InstanceChanges(db);
    const stop = new AbortController();
    const watchers = [changes.watch(stop.signal), changes.watch(stop.signal)];
    const early = await watchers[0]!.next();
    const late = await watchers[1]!.next();
    expect(late.value).toEqual(early.value);
    expect(looks.count).toBe(1);
    stop.abort();
    // As tRPC does when a page leaves: the feed stops looking once no one watches.
    await Promise.all(watchers.map((watcher) => watcher.return(undefined)));
  });
});
