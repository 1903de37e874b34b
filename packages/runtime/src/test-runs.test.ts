import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Approvals } from "./approvals.ts";
import { Drafts } from "./drafts.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;

/** A draft that doubles its input with the built-in transform activity. */
const doubling = (factor: number) => ({
  version: 1,
  start: "calc",
  nodes: {
    calc: { type: "activity", activity: "transform", input: `input * ${factor}`, next: "done" },
    done: { type: "end", output: "steps.calc" },
  },
});

beforeAll(async () => {
  rt = await createTestRuntime();
  await rt.startWorker();
}, 60_000);

afterAll(() => rt.close());

describe("test runs of drafts", () => {
  it("runs the draft on screen of a never-published workflow, with its real activities, as a test kept out of lists and counts", async () => {
    const started = await rt.instances.startTest("never-published", doubling(3), 7, { by: "ana" });
    expect(started.test).toBe(true);
    const ended = await waitForInstance(rt.instances, started.instanceId);
    expect(ended).toMatchObject({ runtimeStatus: "COMPLETED", output: 21, test: true, startedBy: "ana" });

    const stored = await rt.db.pool.query("SELECT test FROM instance WHERE id = $1", [started.instanceId]);
    expect(stored.rows).toEqual([{ test: true }]);
    const versions = await rt.db.pool.query("SELECT version, test, definition FROM workflow_version WHERE workflow_name = 'never-published'");
    expect(versions.rows).toEqual([{ version: started.workflowVersion, test: true, definition: doubling(3) }]);

    // Still unpublished: no published version, no "latest", and the name stays free for a draft.
    await expect(rt.workflows.get("never-published")).rejects.toThrow(/there is no workflow "never-published"/);
    await expect(rt.instances.start("never-published", 1)).rejects.toThrow(/there is no workflow "never-published"/);
    expect((await rt.workflows.list()).map((w) => w.name)).not.toContain("never-published");
    await expect(new Drafts(rt.db).create("never-published")).resolves.toMatchObject({ name: "never-published" });

    // Kept apart from production lists and counts unless asked for.
    const listed = async (includeTests?: boolean) => (await rt.instances.list({ workflowName: "never-published", includeTests })).instances.map((i) => i.instanceId);
    expect(await listed()).toEqual([]);
    expect(await listed(true)).toEqual([started.instanceId]);
    expect((await rt.instances.counts({ workflowName: "never-published" })).byStatus.COMPLETED).toBe(0);
    expect((await rt.instances.counts({ workflowName: "never-published", includeTests: true })).byStatus.COMPLETED).toBe(1);
  });

  it("does not take a published version's number, and publishing afterwards still makes the next version", async () => {
    await rt.workflows.publish("published", doubling(2));
    const test = await rt.instances.startTest("published", doubling(5), 2);
    expect(test.workflowVersion).toBeLessThan(1);
    expect(await waitForInstance(rt.instances, test.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: 10 });
    // A second test run of the same draft reuses its stored test version.
    expect((await rt.instances.startTest("published", doubling(5), 3)).workflowVersion).toBe(test.workflowVersion);

    expect((await rt.workflows.get("published")).version).toBe(1);
    expect((await rt.workflows.versions("published")).map((v) => v.version)).toEqual([1]);
    const plain = await rt.instances.start("published", 2);
    expect(plain).toMatchObject({ workflowVersion: 1, test: false });
    expect((await rt.workflows.publish("published", doubling(5))).version.version).toBe(2);
    expect((await rt.workflows.list()).find((w) => w.name === "published")).toMatchObject({ latestVersion: 2, versions: 2 });
  });

  it("refuses a draft with problems, naming them, as publishing does", async () => {
    const broken = { version: 1, start: "nowhere", nodes: { calc: { type: "activity", activity: "no-such-activity", next: "gone" } } };
    const refusal = await rt.instances.startTest("broken", broken, null).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "invalid", message: expect.stringMatching(/the definition of "broken" has \d+ problem\(s\)/) });
    const problems = (refusal as { problems: Array<{ message: string }> }).problems.map((p) => p.message).join("\n");
    expect(problems).toMatch(/no-such-activity/);
    const stored = await rt.db.pool.query("SELECT count(*)::int AS n FROM instance WHERE workflow_name = 'broken'");
    expect(stored.rows[0].n).toBe(0);
  });

  it("keeps a test run's approval out of the inbox and its count, yet decidable from its instance", async () => {
    const approvals = new Approvals(rt.db);
    const approving = {
      version: 1,
      start: "review",
      nodes: { review: { type: "wait", event: "approval_received", approval: { summary: "'a test'" }, next: "done" }, done: { type: "end", output: "steps.review.decision" } },
    };
    const { instanceId } = await rt.instances.startTest("approving", approving, null);
    for (let i = 0; i < 400 && (await approvals.pending({ instanceId })).total === 0; i++) await new Promise((r) => setTimeout(r, 25));

    expect((await approvals.pending({ instanceId })).approvals).toHaveLength(1);
    expect((await approvals.pending()).approvals.map((a) => a.instanceId)).not.toContain(instanceId);
    expect((await approvals.pending({ workflowName: "approving" })).total).toBe(0);
    await approvals.decide(instanceId, "review", { decision: "approved", decider: { name: "ana", groups: [] } });
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: "approved" });
  });
});
