/** Bulk actions over REST on a real server and Postgres: progress, exactly-once, cancel, who may, and bad input. */
import { Instances } from "@flowcraft/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
let instances: Instances;
/** Small batches, so that a job's progress shows between them. */
const BATCH_SIZE = 20;

const held = { version: 1, start: "go", nodes: { go: { type: "wait", event: "go", next: "done" }, done: { type: "end", output: "steps.go" } } };

beforeAll(async () => {
  server = await startTestServer({ bulkBatchSize: BATCH_SIZE });
  instances = new Instances(server.db);
  for (const name of ["held", "held_too", "kept", "cancelled_midway", "mixed", "raised"]) {
    expect((await server.call("PUT", `/api/v1/workflows/${name}`, held)).status).toBe(201);
  }
});
afterAll(() => server.close());

async function startMany(workflowName: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await instances.start(workflowName, { i }, { instanceId: `${workflowName}-${String(i).padStart(4, "0")}` })).instanceId);
  return ids;
}

async function jobUntil(jobId: string, until: (job: any) => boolean, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, body } = await server.call("GET", `/api/v1/bulk-jobs/${jobId}`);
    expect(status).toBe(200);
    if (until(body)) return body;
    if (Date.now() > deadline) throw new Error(`bulk job did not get there: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many `terminated` events each instance of the workflow has in its history. */
async function terminatedEvents(workflowName: string): Promise<Map<string, number>> {
  const { rows } = await server.db.pool.query(
    `SELECT i.id, count(e.seq)::int AS n FROM instance i LEFT JOIN history_event e ON e.instance_id = i.id AND e.type = 'terminated'
     WHERE i.workflow_name = $1 GROUP BY i.id`,
    [workflowName],
  );
  return new Map(rows.map((row: { id: string; n: number }) => [row.id, row.n]));
}

async function untilAllEnded(workflowName: string) {
  const deadline = Date.now() + 60_000;
  while ((await instances.countMatching({ workflowName, status: ["PENDING", "RUNNING"] })) > 0) {
    if (Date.now() > deadline) throw new Error(`${workflowName}'s instances did not all end`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const jobCount = async () => Number((await server.db.pool.query("SELECT count(*) AS n FROM bulk_job")).rows[0].n);

describe("a bulk terminate of the instances a filter matches", () => {
  it("terminates each of 500 exactly once, shows its progress on the way, and is audited with the filter", async () => {
    await startMany("held", 500);
    await startMany("kept", 5);
    const operator = await server.signIn("olga", ["operator"]);
    const created = await server.call("POST", "/api/v1/instances/bulk", { action: "terminate", filter: { workflowName: "held" }, parameters: { reason: "clearing a bad deploy" } }, operator);
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ action: "terminate", status: "queued", matched: 500, done: 0, createdBy: "olga", filter: { workflowName: "held" } });
    expect(created.headers.get("location")).toBe(`/api/v1/bulk-jobs/${created.body.jobId}`);

    const midway = await jobUntil(created.body.jobId, (job) => job.done > 0);
    expect(midway.status).toBe("running");
    expect(midway.done).toBeLessThan(500);
    const finished = await jobUntil(created.body.jobId, (job) => job.status !== "running");
    expect(finished).toMatchObject({ status: "completed", matched: 500, done: 500, skipped: 0, failed: 0, problems: [] });

    await untilAllEnded("held");
    const events = await terminatedEvents("held");
    expect(events.size).toBe(500);
    expect([...events.values()].every((n) => n === 1)).toBe(true);
    // What the filter did not match is left alone.
    expect([...(await terminatedEvents("kept")).values()]).toEqual([0, 0, 0, 0, 0]);
    const history = await server.call("GET", "/api/v1/instances/held-0007/history");
    expect(history.body.events.find((event: { type: string }) => event.type === "terminated")).toMatchObject({ reason: "clearing a bad deploy", by: "olga" });

    const audit = await server.access.audit.recent();
    expect(audit.find((entry) => entry.action === "bulk_job.created" && entry.target === created.body.jobId)).toMatchObject({
      actor: "olga",
      details: { action: "terminate", filter: { workflowName: "held" }, matched: 500, parameters: { reason: "clearing a bad deploy" } },
    });
    const listed = await server.call("GET", "/api/v1/bulk-jobs?status=completed");
    expect(listed.body.jobs.map((job: { jobId: string }) => job.jobId)).toContain(created.body.jobId);
  });

  it("counts instances the action does not fit as skipped, with the reason, not as a failure of the job", async () => {
    const again = await server.call("POST", "/api/v1/instances/bulk", { action: "terminate", filter: { workflowName: "held", status: ["TERMINATED"] } });
    expect(again.body.matched).toBe(500);
    const finished = await jobUntil(again.body.jobId, (job) => job.status !== "queued" && job.status !== "running");
    expect(finished).toMatchObject({ status: "completed", done: 0, skipped: 500, failed: 0 });
    expect(finished.problems).toHaveLength(50);
    expect(finished.problems[0]).toMatchObject({ instanceId: "held-0000", outcome: "skipped", reason: 'instance "held-0000" has already ended (TERMINATED)' });
    expect([...(await terminatedEvents("held")).values()].every((n) => n === 1)).toBe(true);
  });
});

describe("a bulk action on ids given", () => {
  it("acts on those ids only; an id with no instance is skipped; purges audit as one purge does", async () => {
    const ids = await startMany("mixed", 4);
    const suspend = await server.call("POST", "/api/v1/instances/bulk", { action: "suspend", instanceIds: [ids[0], ids[1], "no-such-instance"] });
    expect(suspend.status).toBe(202);
    const suspended = await jobUntil(suspend.body.jobId, (job) => job.status === "completed");
    expect(suspended).toMatchObject({ matched: 3, done: 2, skipped: 1, instanceIdCount: 3, filter: null });
    expect(suspended.problems).toEqual([{ instanceId: "no-such-instance", outcome: "skipped", reason: 'there is no instance "no-such-instance"' }]);
    await server.waitFor(ids[1]!, (view) => view.runtimeStatus === "SUSPENDED");

    const terminate = await server.call("POST", "/api/v1/instances/bulk", { action: "terminate", instanceIds: ids.slice(2) });
    await jobUntil(terminate.body.jobId, (job) => job.status === "completed");
    await server.waitFor(ids[3]!);
    const purge = await server.call("POST", "/api/v1/instances/bulk", { action: "purge", filter: { workflowName: "mixed", status: ["TERMINATED"] } });
    expect(purge.body.matched).toBe(2);
    expect(await jobUntil(purge.body.jobId, (job) => job.status === "completed")).toMatchObject({ done: 2 });
    expect((await server.call("GET", `/api/v1/instances/${ids[3]}`)).status).toBe(404);
    const purges = (await server.access.audit.recent()).filter((entry) => entry.action === "instance.purged").map((entry) => entry.target);
    expect(purges).toEqual(expect.arrayContaining([ids[2], ids[3]]));

    const rerun = await server.call("POST", "/api/v1/instances/bulk", { action: "rerun", instanceIds: [ids[0]], parameters: { mode: "from_start" } });
    expect(await jobUntil(rerun.body.jobId, (job) => job.status === "completed")).toMatchObject({ done: 0, skipped: 1 });
  });

  it("raises an event on each, once, and re-runs ended ones as new instances linked to them", async () => {
    const ids = await startMany("raised", 3);
    const raise = await server.call("POST", "/api/v1/instances/bulk", { action: "raise_event", instanceIds: ids, parameters: { eventName: "go", payload: { ok: true } } });
    expect(raise.status).toBe(202);
    expect(await jobUntil(raise.body.jobId, (job) => job.status === "completed")).toMatchObject({ done: 3 });
    for (const id of ids) expect((await server.waitFor(id)).output).toEqual({ ok: true });
    const audit = await server.access.audit.recent();
    expect(audit.find((entry) => entry.target === raise.body.jobId)?.details).toMatchObject({ action: "raise_event", instanceIds: ids, instanceIdCount: 3, parameters: { eventName: "go" } });

    const rerun = await server.call("POST", "/api/v1/instances/bulk", { action: "rerun", filter: { workflowName: "raised", status: ["COMPLETED"] }, parameters: { mode: "from_start" } });
    expect(await jobUntil(rerun.body.jobId, (job) => job.status === "completed")).toMatchObject({ matched: 3, done: 3 });
    const reruns = await server.call("GET", "/api/v1/instances?workflowName=raised&status=PENDING,RUNNING");
    expect(reruns.body.instances.map((row: { origin: { instanceId: string } }) => row.origin.instanceId).sort()).toEqual(ids);
  });
});

describe("cancelling a bulk job", () => {
  it("stops a running job before its next batch; what it did stays done and nothing more happens", async () => {
    await startMany("cancelled_midway", 400);
    const created = await server.call("POST", "/api/v1/instances/bulk", { action: "terminate", filter: { workflowName: "cancelled_midway" } });
    await jobUntil(created.body.jobId, (job) => job.done > 0);
    const cancel = await server.call("POST", `/api/v1/bulk-jobs/${created.body.jobId}/cancel`, undefined, await server.signIn("carl", ["operator"]));
    expect(cancel.status).toBe(200);
    expect(cancel.body.cancelRequestedBy).toBe("carl");
    const stopped = await jobUntil(created.body.jobId, (job) => job.status !== "running");
    expect(stopped.status).toBe("cancelled");
    expect(stopped.done).toBeLessThan(400);
    // Stopped at a batch's end, and nothing more happens afterwards.
    expect(stopped.done % BATCH_SIZE).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.call("GET", `/api/v1/bulk-jobs/${created.body.jobId}`)).body.done).toBe(stopped.done);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const terminated = [...(await terminatedEvents("cancelled_midway")).values()];
    expect(terminated.filter((n) => n === 1)).toHaveLength(stopped.done);
    expect(terminated.filter((n) => n > 1)).toHaveLength(0);

    const twice = await server.call("POST", `/api/v1/bulk-jobs/${created.body.jobId}/cancel`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain("has already ended (cancelled)");
    expect((await server.access.audit.recent()).find((entry) => entry.action === "bulk_job.cancelled")).toMatchObject({ actor: "carl", target: created.body.jobId });
  });
});

describe("who may ask for a bulk action", () => {
  it("refuses a viewer and an approver, as it refuses them the single action, and creates no job", async () => {
    await startMany("held_too", 2);
    const before = await jobCount();
    for (const headers of [await server.signIn("vera", []), await server.tokenWith(["approver"])]) {
      const refused = await server.call("POST", "/api/v1/instances/bulk", { action: "terminate", filter: { workflowName: "held_too" } }, headers);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain("the operator role");
      const cancel = await server.call("POST", "/api/v1/bulk-jobs/x/cancel", undefined, headers);
      expect(cancel.status).toBe(403);
    }
    expect(await jobCount()).toBe(before);
    // Looking is for anyone signed in.
    expect((await server.call("GET", "/api/v1/bulk-jobs", undefined, await server.signIn("vic", []))).status).toBe(200);
  });
});

describe("bad bulk requests", () => {
  it.each([
    ["an unknown filter field", { action: "terminate", filter: { workflow: "held" } }, 'filter: Unrecognized key: "workflow"'],
    ["a bad status", { action: "terminate", filter: { status: ["DONE"] } }, "filter.status.0: Invalid option"],
    ["a bad date", { action: "terminate", filter: { createdFrom: "yesterday" } }, "filter.createdFrom"],
    ["an empty selection", { action: "terminate", instanceIds: [] }, "instanceIds: select at least one instance"],
    ["too many ids", { action: "terminate", instanceIds: Array.from({ length: 10_001 }, (_, i) => `i${i}`) }, "instanceIds: at most 10000 ids"],
    ["an unknown action", { action: "explode", instanceIds: ["a"] }, "action"],
    ["neither filter nor ids", { action: "terminate" }, "give either filter"],
    ["filter and ids both", { action: "terminate", filter: {}, instanceIds: ["a"] }, "give either filter"],
    ["a rerun without its mode", { action: "rerun", instanceIds: ["a"] }, "parameters.mode: rerun needs a mode"],
    ["a parameter the action does not take", { action: "purge", instanceIds: ["a"], parameters: { reason: "x" } }, "parameters.reason: purge takes no parameters"],
  ])("answers %s with a 400 naming it, and creates no job", async (_case, body, named) => {
    const before = await jobCount();
    const response = await server.call("POST", "/api/v1/instances/bulk", body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    expect(response.body.error.message).toContain(named);
    expect(await jobCount()).toBe(before);
  });

  it("answers 404 for an unknown job", async () => {
    expect((await server.call("GET", "/api/v1/bulk-jobs/nope")).status).toBe(404);
    expect((await server.call("POST", "/api/v1/bulk-jobs/nope/cancel")).status).toBe(404);
  });
});
