import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimInstances } from "./orchestrator-sql.ts";
import { QUARANTINE_AFTER_CLAIMS } from "./orchestrator.ts";
import { recordActivities } from "./registrations.ts";
import { ActivityRegistry } from "./sdk.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let calls: number;

beforeEach(async () => {
  rt = await createTestRuntime();
  calls = 0;
  // Known to the installation, as a worker that ran before would have left it; no worker runs yet.
  await recordActivities(rt.db.pool, ["add_one"]);
  await rt.workflows.publish("two_steps", {
    version: 1,
    start: "a",
    nodes: { a: { type: "activity", activity: "add_one", input: "input", next: "b" }, b: { type: "activity", activity: "add_one", input: "steps.a" } },
  });
});
afterEach(() => rt.close());

const registry = () =>
  new ActivityRegistry().register("add_one", (x) => {
    calls++;
    return (x as number) + 1;
  });

/** What a worker that crashes while deciding leaves behind: its claim, counted, and a lease that runs out. */
async function crashedClaims(instanceId: string, count: number) {
  for (let i = 1; i <= count; i++) {
    const claimed = await claimInstances(rt.db.pool, `crashed-worker-${i}`, 10, 100, 1000);
    expect(claimed.map((c) => c.id)).toContain(instanceId);
    await rt.db.pool.query("UPDATE instance SET lease_expires_at = now() - interval '1 second' WHERE id = $1", [instanceId]);
  }
}

describe("poison instances", () => {
  it(`are quarantined after ${QUARANTINE_AFTER_CLAIMS} claims in a row that stored no turn: failed with the reason, unread and unrun`, async () => {
    const { instanceId } = await rt.instances.start("two_steps", 1);
    await crashedClaims(instanceId, QUARANTINE_AFTER_CLAIMS);
    await rt.startWorker(registry());

    const failed = await waitForInstance(rt.instances, instanceId);
    expect(failed.runtimeStatus).toBe("FAILED");
    expect(failed.failure).toEqual({
      name: "Quarantined",
      message: expect.stringMatching(new RegExp(`^quarantined: ${QUARANTINE_AFTER_CLAIMS} workers in a row claimed this instance and stored no turn of it`)),
    });
    expect(calls).toBe(0);
    const { rows: history } = await rt.db.pool.query("SELECT type FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
    expect(history.map((r) => r.type)).toEqual(["execution_started", "execution_failed"]);
    const { rows: left } = await rt.db.pool.query(
      "SELECT (SELECT count(*) FROM inbox_message WHERE instance_id = $1)::int AS inbox, unfinished_claims, lease_owner FROM instance WHERE id = $1",
      [instanceId],
    );
    expect(left[0]).toEqual({ inbox: 0, unfinished_claims: 0, lease_owner: null });
    // Ended, so it can be purged like any failed instance.
    await rt.instances.purge(instanceId);
    await expect(rt.instances.get(instanceId)).rejects.toThrow();
  });

  it("are not made of claims that each led to a stored turn, nor of fewer crashes than the limit", async () => {
    const { instanceId } = await rt.instances.start("two_steps", 1);
    await crashedClaims(instanceId, QUARANTINE_AFTER_CLAIMS - 1);
    await rt.startWorker(registry());

    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: 3 });
    expect(calls).toBe(2);
    const { rows } = await rt.db.pool.query("SELECT unfinished_claims FROM instance WHERE id = $1", [instanceId]);
    expect(rows[0].unfinished_claims).toBe(0);
  });

  it("can be terminated while workers still crash on them: terminating needs no decision", async () => {
    const { instanceId } = await rt.instances.start("two_steps", 1);
    await crashedClaims(instanceId, 2);
    await rt.instances.terminate(instanceId, { reason: "poison", by: "ops" });
    await rt.startWorker(registry());
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "TERMINATED" });
    expect(calls).toBe(0);
  });
});
