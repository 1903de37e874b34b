import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countPreparedStatements, createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
/** Statements that stored raised events, counted as the pool runs them. */
let raiseStatements: { count: number };

beforeAll(async () => {
  rt = await createTestRuntime();
  raiseStatements = countPreparedStatements(rt.db.pool, "flowcraft_raise_events");
  await rt.workflows.publish("waits", { version: 1, start: "w", nodes: { w: { type: "wait", event: "go", next: "done" }, done: { type: "end", output: "steps.w" } } });
  await rt.startWorker();
}, 60_000);

afterAll(() => rt.close());

describe("events raised together", () => {
  it("share statements, each queued once per eventId, and each refusal is the caller's own", async () => {
    const ended = await rt.instances.start("waits", null);
    await rt.instances.raiseEvent(ended.instanceId, "go", "now");
    await waitForInstance(rt.instances, ended.instanceId);
    const waiting = await rt.instances.start("waits", null);
    raiseStatements.count = 0;

    const noise = Array.from({ length: 40 }, (_, i) => rt.instances.raiseEvent(waiting.instanceId, "noise", i, { eventId: `noise-${i % 30}` }));
    const refused = [rt.instances.raiseEvent("no-such-instance", "go", 1), rt.instances.raiseEvent(ended.instanceId, "go", 1)];
    const [noiseOutcomes, refusedOutcomes] = await Promise.all([Promise.allSettled(noise), Promise.allSettled(refused)]);

    expect(noiseOutcomes.map((outcome) => outcome.status === "fulfilled" && outcome.value.eventId)).toEqual(Array.from({ length: 40 }, (_, i) => `noise-${i % 30}`));
    expect(refusedOutcomes.map((outcome) => outcome.status === "rejected" && (outcome.reason as Error).message)).toEqual([
      'there is no instance "no-such-instance"',
      `instance "${ended.instanceId}" has ended (COMPLETED); it takes no more events`,
    ]);
    expect(raiseStatements.count).toBeGreaterThan(0);
    expect(raiseStatements.count).toBeLessThanOrEqual(6);

    // The 30 distinct events reach history once each, and the wait still takes its own.
    await rt.instances.raiseEvent(waiting.instanceId, "go", "finally");
    const done = await waitForInstance(rt.instances, waiting.instanceId);
    expect(done.output).toBe("finally");
    const { rows } = await rt.db.pool.query("SELECT data->>'eventId' AS id FROM history_event WHERE instance_id = $1 AND type = 'event_raised' AND data->>'name' = 'noise'", [
      waiting.instanceId,
    ]);
    expect(rows.map((row) => row.id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `noise-${i}`).sort());
  });
});
