import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPreparedStatements, createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
/** Statements that stored starts, counted as the pool runs them. */
let startStatements: { count: number };

const ECHO = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };

beforeAll(async () => {
  rt = await createTestRuntime();
  startStatements = countPreparedStatements(rt.db.pool, "flowcraft_start_instances");
  await rt.workflows.publish("echo", { ...ECHO, nodes: { done: { type: "end", output: "'version 1'" } } });
  await rt.workflows.publish("echo", ECHO);
}, 60_000);

afterAll(() => rt.close());

describe("starts that arrive together", () => {
  it("share statements, and each still gets its own instance, 409 or 404", async () => {
    await rt.instances.start("echo", "first", { instanceId: "taken-1" });
    await rt.instances.start("echo", "first", { instanceId: "taken-2" });
    startStatements.count = 0;

    const fresh = Array.from({ length: 60 }, (_, i) => rt.instances.start("echo", { n: i }, { instanceId: `fresh-${i}`, by: "ana" }));
    const taken = ["taken-1", "taken-2"].map((id) => rt.instances.start("echo", "again", { instanceId: id }));
    const unknown = [rt.instances.start("no-such-workflow", 1), rt.instances.start("echo", 1, { version: 9 })];
    // The same new id twice at once: one starts it, the other is told it exists.
    const twins = [rt.instances.start("echo", "a", { instanceId: "twin" }), rt.instances.start("echo", "b", { instanceId: "twin" })];
    const pinned = rt.instances.start("echo", "old", { version: 1 });
    const [freshOutcomes, takenOutcomes, unknownOutcomes, twinOutcomes, [pinnedOutcome]] = await Promise.all([
      Promise.allSettled(fresh),
      Promise.allSettled(taken),
      Promise.allSettled(unknown),
      Promise.allSettled(twins),
      Promise.allSettled([pinned]),
    ]);

    expect(freshOutcomes.map((outcome) => outcome.status === "fulfilled" && [outcome.value.instanceId, outcome.value.workflowVersion, outcome.value.runtimeStatus, outcome.value.startedBy, outcome.value.input])).toEqual(
      Array.from({ length: 60 }, (_, i) => [`fresh-${i}`, 2, "PENDING", "ana", { n: i }]),
    );
    expect(takenOutcomes.map(reasonOf)).toEqual(['an instance with id "taken-1" already exists', 'an instance with id "taken-2" already exists']);
    expect(unknownOutcomes.map(reasonOf)).toEqual([expect.stringMatching(/there is no workflow "no-such-workflow"/), expect.stringMatching(/version 9/)]);
    expect(twinOutcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(twinOutcomes.map(reasonOf).filter(Boolean)).toEqual(['an instance with id "twin" already exists']);
    expect(pinnedOutcome!.status === "fulfilled" && pinnedOutcome!.value.workflowVersion).toBe(1);

    // 66 starts took a few statements: the first four alone, side by side, the rest together after them.
    expect(startStatements.count).toBeGreaterThan(0);
    expect(startStatements.count).toBeLessThanOrEqual(8);

    // Each stored start is whole: its row, its first event and its start message.
    const { rows } = await rt.db.pool.query(
      `SELECT i.id, (SELECT count(*)::int FROM history_event h WHERE h.instance_id = i.id AND h.type = 'execution_started') AS events,
              (SELECT count(*)::int FROM inbox_message m WHERE m.instance_id = i.id AND m.kind = 'start') AS messages
       FROM instance i WHERE i.id LIKE 'fresh-%' OR i.id = 'twin'`,
    );
    expect(rows).toHaveLength(61);
    expect(rows.every((row) => row.events === 1 && row.messages <= 1)).toBe(true);
    const taken1 = await rt.instances.get("taken-1");
    expect(taken1.input).toBe("first");
  });

  it("run to completion once a worker takes them", async () => {
    await rt.startWorker();
    const views = await Promise.all(Array.from({ length: 20 }, (_, i) => rt.instances.start("echo", i)));
    const done = await Promise.all(views.map((view) => waitForInstance(rt.instances, view.instanceId)));
    expect(done.map((view) => [view.runtimeStatus, view.output])).toEqual(Array.from({ length: 20 }, (_, i) => ["COMPLETED", i]));
  });
});

function reasonOf(outcome: PromiseSettledResult<unknown>): string | null {
  return outcome.status === "rejected" ? (outcome.reason as Error).message : null;
}
