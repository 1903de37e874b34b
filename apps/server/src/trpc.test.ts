/** The web app's tRPC API over HTTP, as its client calls it: drafts, publishing, starting. */
import { MAX_DEFINITION_BYTES } from "@flowcraft/definition";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
// Above the definition limit, so that the server's own check on draft size is reachable.
const BODY_LIMIT_BYTES = 2 * MAX_DEFINITION_BYTES;

beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: BODY_LIMIT_BYTES });
});
afterAll(() => server.close());

/** A tRPC v11 query: GET with the input as URL-encoded JSON. */
function query(procedure: string, input?: unknown) {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return server.call("GET", `/trpc/${procedure}${search}`);
}

/** A tRPC v11 mutation: POST with the input as the JSON body. */
function mutate(procedure: string, input: unknown, headers?: Record<string, string>) {
  return server.call("POST", `/trpc/${procedure}`, input, headers);
}

/** The data of a successful answer. */
async function data(answer: Promise<{ status: number; body: any }>) {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body)).toBe(200);
  return body.result.data;
}

/** The tRPC code, message and problems of a failed answer, checking its HTTP status. */
async function failure(answer: Promise<{ status: number; body: any }>) {
  const { status, body } = await answer;
  expect(body.error?.data?.httpStatus, JSON.stringify(body)).toBe(status);
  return { code: body.error.data.code as string, message: body.error.message as string, problems: body.error.data.problems, data: body.error.data };
}

const invalid = {
  version: 1,
  start: "a",
  nodes: { a: { type: "activity", activity: "no_such_activity", input: "1 +", next: "done" }, done: { type: "end" } },
};
const valid = {
  version: 1,
  start: "a",
  nodes: { a: { type: "activity", activity: "transform", input: "{'doubled': input * 2}", next: "done" }, done: { type: "end" } },
};

describe("designing, publishing and starting a workflow", () => {
  it("goes from a new draft to a running instance", async () => {
    const created = await data(mutate("drafts.create", { name: "designed" }));
    expect(created).toEqual({
      name: "designed",
      definition: { version: 1, start: "", nodes: {} },
      revision: 1,
      basedOnVersion: null,
      updatedAt: expect.any(String),
    });

    const saved = await data(mutate("drafts.save", { name: "designed", definition: invalid, expectedRevision: 1 }));
    expect(saved).toEqual({ name: "designed", revision: 2, basedOnVersion: null, updatedAt: expect.any(String) });
    expect(await data(query("drafts.get", { name: "designed" }))).toMatchObject({ definition: invalid, revision: 2 });

    const refused = await failure(mutate("workflows.publish", { name: "designed", definition: invalid, expectedRevision: 2 }));
    expect(refused.code).toBe("BAD_REQUEST");
    const addressed = refused.problems.map((p: { nodeId: string; field: string }) => `${p.nodeId}.${p.field}`).sort();
    expect(addressed).toEqual(["a.activity", "a.input"]);
    expect(refused.data.stack).toBeUndefined();
    expect(await data(query("drafts.get", { name: "designed" }))).toMatchObject({ revision: 2 });

    await data(mutate("drafts.save", { name: "designed", definition: valid, expectedRevision: 2 }));
    const published = await data(mutate("workflows.publish", { name: "designed", definition: valid, expectedRevision: 3 }, await server.signIn("ana", ["designer"])));
    expect(published).toMatchObject({ created: true, version: { name: "designed", version: 1, definition: valid, publishedBy: "ana" } });

    // The draft became the version: the designer now opens the version, and the list says so.
    expect(await data(query("drafts.get", { name: "designed" }))).toEqual({ name: "designed", definition: valid, revision: 0, basedOnVersion: 1, updatedAt: null });
    const listed = (await data(query("drafts.list"))) as Array<{ name: string }>;
    expect(listed.find((entry) => entry.name === "designed")).toMatchObject({ hasDraft: false, latestVersion: 1, draftUpdatedAt: null });

    const versions = await data(query("workflows.versions", { name: "designed" }));
    expect(versions).toEqual([{ name: "designed", version: 1, hash: expect.any(String), publishedBy: "ana", createdAt: expect.any(String) }]);
    expect(await data(query("workflows.get", { name: "designed", version: 1 }))).toMatchObject({ definition: valid });

    const instance = await data(mutate("instances.start", { workflowName: "designed", input: 21, instanceId: "designed-1" }));
    expect(instance).toMatchObject({ instanceId: "designed-1", workflowName: "designed", workflowVersion: 1, runtimeStatus: "PENDING", input: 21 });
    expect(await server.waitFor("designed-1")).toMatchObject({ runtimeStatus: "COMPLETED", output: { doubled: 42 } });
  });

  it("refuses to start an unknown workflow or reuse an instance id", async () => {
    expect((await failure(mutate("instances.start", { workflowName: "no-such-workflow", input: null }))).code).toBe("NOT_FOUND");
    await data(mutate("instances.start", { workflowName: "task-chain", input: 1, instanceId: "taken-id" }));
    expect((await failure(mutate("instances.start", { workflowName: "task-chain", input: 1, instanceId: "taken-id" }))).code).toBe("CONFLICT");
    expect((await failure(mutate("instances.start", { workflowName: "task-chain", input: 1, instanceId: "no spaces" }))).code).toBe("BAD_REQUEST");
  });

  it("refuses to publish over a draft someone else saved, and publishes nothing", async () => {
    await data(mutate("drafts.create", { name: "contested", definition: valid }));
    await data(mutate("drafts.save", { name: "contested", definition: invalid, expectedRevision: 1 }));
    expect((await failure(mutate("workflows.publish", { name: "contested", definition: valid, expectedRevision: 1 }))).code).toBe("CONFLICT");
    expect((await failure(query("workflows.versions", { name: "contested" }))).code).toBe("NOT_FOUND");
    expect(await data(query("drafts.get", { name: "contested" }))).toMatchObject({ definition: invalid, revision: 2 });
  });

  it("lists the activities an activity step may call", async () => {
    const activities = (await data(query("activities.list"))) as string[];
    expect(activities).toEqual(expect.arrayContaining(["http", "transform", "add_one"]));
    expect(activities).toEqual([...activities].sort());
  });
});

describe("managing drafts", () => {
  it("refuses a save from a stale revision", async () => {
    await data(mutate("drafts.create", { name: "stale" }));
    await data(mutate("drafts.save", { name: "stale", definition: valid, expectedRevision: 1 }));
    const refused = await failure(mutate("drafts.save", { name: "stale", definition: invalid, expectedRevision: 1 }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/revision 2, not 1/) });
    expect(await data(query("drafts.get", { name: "stale" }))).toMatchObject({ definition: valid, revision: 2 });
  });

  it("renames a draft, but not a published workflow or onto a taken name", async () => {
    await data(mutate("drafts.create", { name: "first-name", definition: invalid }));
    expect(await data(mutate("drafts.rename", { name: "first-name", newName: "second-name" }))).toMatchObject({ name: "second-name", definition: invalid, revision: 1 });
    expect((await failure(query("drafts.get", { name: "first-name" }))).code).toBe("NOT_FOUND");

    const published = await failure(mutate("drafts.rename", { name: "task-chain", newName: "renamed-chain" }));
    expect(published).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/instances refer to it by name/) });
    expect((await failure(mutate("drafts.rename", { name: "second-name", newName: "task-chain" }))).code).toBe("CONFLICT");
    await data(mutate("drafts.create", { name: "third-name" }));
    expect((await failure(mutate("drafts.rename", { name: "second-name", newName: "third-name" }))).code).toBe("CONFLICT");
    expect((await failure(mutate("drafts.rename", { name: "no-such-draft", newName: "fourth-name" }))).code).toBe("NOT_FOUND");
    expect((await failure(mutate("drafts.rename", { name: "second-name", newName: "bad name" }))).code).toBe("BAD_REQUEST");
  });

  it("duplicates a published workflow or a draft into a new draft", async () => {
    const chain = await data(query("workflows.get", { name: "task-chain" }));
    expect(await data(mutate("drafts.duplicate", { name: "task-chain", newName: "chain-copy" }))).toMatchObject({
      name: "chain-copy",
      definition: chain.definition,
      revision: 1,
      basedOnVersion: null,
    });
    expect(await data(mutate("drafts.duplicate", { name: "chain-copy", newName: "chain-copy-2" }))).toMatchObject({ definition: chain.definition });
    expect((await failure(mutate("drafts.duplicate", { name: "chain-copy", newName: "task-chain" }))).code).toBe("CONFLICT");
    expect((await failure(mutate("drafts.duplicate", { name: "chain-copy", newName: "chain-copy-2" }))).code).toBe("CONFLICT");
    expect((await failure(mutate("drafts.duplicate", { name: "no-such-workflow", newName: "copy-of-nothing" }))).code).toBe("NOT_FOUND");
  });

  it("removes a draft, keeping published versions", async () => {
    await data(mutate("drafts.save", { name: "task-chain", definition: invalid, expectedRevision: 0 }));
    expect(await data(query("drafts.get", { name: "task-chain" }))).toMatchObject({ definition: invalid, revision: 1, basedOnVersion: 1 });
    expect((await server.call("POST", "/trpc/drafts.remove", { name: "task-chain" })).status).toBe(200);
    expect(await data(query("drafts.get", { name: "task-chain" }))).toMatchObject({ revision: 0, basedOnVersion: 1 });
    expect((await failure(mutate("drafts.remove", { name: "task-chain" }))).code).toBe("NOT_FOUND");
  });

  it("answers NOT_FOUND and CONFLICT for unknown and taken names", async () => {
    expect((await failure(query("drafts.get", { name: "nothing-here" }))).code).toBe("NOT_FOUND");
    expect((await failure(mutate("drafts.create", { name: "task-chain" }))).code).toBe("CONFLICT");
    await data(mutate("drafts.create", { name: "once" }));
    expect((await failure(mutate("drafts.create", { name: "once" }))).code).toBe("CONFLICT");
  });
});

describe("bad input", () => {
  it("answers BAD_REQUEST with the problems of the input", async () => {
    const missing = await failure(mutate("drafts.save", { name: "needs-revision", definition: valid }));
    expect(missing).toMatchObject({ code: "BAD_REQUEST", problems: [{ path: "expectedRevision", message: expect.any(String) }] });
    expect((await failure(mutate("drafts.save", { name: "array", definition: [], expectedRevision: 0 }))).code).toBe("BAD_REQUEST");
    expect((await failure(mutate("drafts.create", { name: "bad name" }))).message).toMatch(/workflow name/);
    expect((await failure(mutate("drafts.create", { name: "nul", definition: { description: "a\u0000b" } }))).code).toBe("BAD_REQUEST");
    expect((await failure(mutate("drafts.create", "{not json"))).code).toBe("BAD_REQUEST");
    expect((await failure(query("drafts.get", { name: "nul" }))).code).toBe("NOT_FOUND");
  });

  it("refuses a draft over the definition limit, and a body over the server's limit, in tRPC's shape", async () => {
    const overDefinition = await failure(mutate("drafts.save", { name: "huge", definition: { d: "x".repeat(MAX_DEFINITION_BYTES) }, expectedRevision: 0 }));
    expect(overDefinition).toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(new RegExp(`limit is ${MAX_DEFINITION_BYTES} bytes`)) });
    const overBody = await failure(mutate("drafts.save", { name: "huge", definition: { d: "x".repeat(BODY_LIMIT_BYTES) }, expectedRevision: 0 }));
    expect(overBody).toMatchObject({ code: "PAYLOAD_TOO_LARGE", data: { path: "drafts.save" } });
    expect((await failure(query("drafts.get", { name: "huge" }))).code).toBe("NOT_FOUND");
  });
});

describe("instance history", () => {
  it("pages after the sequence number the caller already has", async () => {
    await data(mutate("instances.start", { workflowName: "task-chain", input: 1, instanceId: "paged-1" }));
    await server.waitFor("paged-1");
    const history = await data(query("instances.history", { id: "paged-1", afterSeq: 3, limit: 2 }));
    expect(history.map((e: any) => e.seq)).toEqual([4, 5]);
  });

  it("answers an unknown instance with NOT_FOUND", async () => {
    expect((await failure(query("instances.history", { id: "nobody" }))).code).toBe("NOT_FOUND");
  });
});

describe("operating instances", () => {
  const order = { product: "desk", quantity: 2, cost: 5000 };

  it("lists the approval, takes one decision with who made it, and refuses a second", async () => {
    await data(mutate("instances.start", { workflowName: "purchase-order-approval", input: order, instanceId: "po-approve" }));
    let pending: any[] = [];
    for (let i = 0; i < 200 && pending.length === 0; i++) {
      pending = (await data(query("approvals.pending", { instanceId: "po-approve" }))).approvals;
      if (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(pending).toEqual([expect.objectContaining({ waitId: "approval", summary: "desk × 2 for 5000", groups: ["managers"], timeoutAt: expect.any(String) })]);

    const decided = await data(mutate("approvals.decide", { instanceId: "po-approve", waitId: "approval", decision: "approved", comment: "fine" }, await server.signIn("mia", ["approver"], ["managers"])));
    expect(decided).toMatchObject({ decision: "approved", approver: "mia", comment: "fine" });
    const second = await failure(
      mutate("approvals.decide", { instanceId: "po-approve", waitId: "approval", decision: "rejected" }, await server.signIn("max", ["approver"], ["managers"])),
    );
    expect(second.code).toBe("CONFLICT");
    expect(second.message).toMatch(/already decided: approved by mia/);
    expect((await server.waitFor("po-approve")).output).toBe("Approved by 'mia'");

    const rest = await server.call("POST", "/api/v1/instances/po-approve/approvals/approval", { decision: "rejected" }, await server.signIn("late", ["approver"], ["managers"]));
    expect(rest.status).toBe(409);
  });

  it("records who terminated an instance, and re-runs it linked both ways", async () => {
    await data(mutate("instances.start", { workflowName: "purchase-order-approval", input: order, instanceId: "po-stop" }));
    await server.waitFor("po-stop", (view) => view.customStatus === "Waiting for approval");
    await data(mutate("instances.terminate", { id: "po-stop", reason: "duplicate order" }, await server.signIn("otto", ["operator"])));
    await server.waitFor("po-stop");
    const history = await data(query("instances.history", { id: "po-stop" }));
    expect(history.at(-1)).toMatchObject({ type: "terminated", reason: "duplicate order", by: "otto" });

    const rerun = await data(mutate("instances.rerun", { id: "po-stop", mode: "from_start" }));
    expect(rerun.origin).toEqual({ instanceId: "po-stop", kind: "from_start" });
    const related = await data(query("instances.related", { id: "po-stop" }));
    expect(related.reruns).toEqual([expect.objectContaining({ instanceId: rerun.instanceId, kind: "from_start" })]);
    expect((await failure(mutate("instances.rerun", { id: "po-stop", mode: "retry_failed" }))).message).toMatch(/only a failed instance/);

    const counts = await data(query("instances.counts", { workflowName: "purchase-order-approval" }));
    expect(counts.byStatus.TERMINATED).toBeGreaterThanOrEqual(1);
    const waiting = await data(query("instances.list", { workflowName: "purchase-order-approval", waiting: true }));
    for (const instance of waiting.instances) expect(instance.waitingOn[0]).toMatchObject({ kind: "event", event: "approval_received", approval: true });
  });
});

describe("test runs of drafts", () => {
  it("runs the draft on screen, unpublished, as a test that the lists and REST leave out unless asked", async () => {
    await data(mutate("drafts.create", { name: "tested-draft" }));
    const started = await data(mutate("instances.startTest", { workflowName: "tested-draft", definition: valid, input: 4 }));
    expect(started).toMatchObject({ workflowName: "tested-draft", test: true, runtimeStatus: "PENDING" });
    expect(await server.waitFor(started.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: { doubled: 8 }, test: true });

    const listed = async (filter: object) => (await data(query("instances.list", { workflowName: "tested-draft", ...filter }))).instances.map((i: { instanceId: string }) => i.instanceId);
    expect(await listed({})).toEqual([]);
    expect(await listed({ includeTests: true })).toEqual([started.instanceId]);
    expect((await data(query("instances.counts", { workflowName: "tested-draft" }))).byStatus.COMPLETED).toBe(0);
    expect((await data(query("instances.counts", { workflowName: "tested-draft", includeTests: true }))).byStatus.COMPLETED).toBe(1);
    const rest = async (search: string) => (await server.call("GET", `/api/v1/instances?workflowName=tested-draft${search}`)).body.instances.length;
    expect(await rest("")).toBe(0);
    expect(await rest("&includeTests=true")).toBe(1);
    // The draft is still a draft: nothing was published.
    expect(await data(query("drafts.get", { name: "tested-draft" }))).toMatchObject({ basedOnVersion: null });
    expect((await failure(query("workflows.get", { name: "tested-draft" }))).code).toBe("NOT_FOUND");
  });

  it("refuses a draft with problems as publishing does, naming them at their nodes", async () => {
    const refused = await failure(mutate("instances.startTest", { workflowName: "tested-broken", definition: invalid, input: null }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", message: 'the definition of "tested-broken" has 2 problem(s)' });
    expect(refused.problems).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: "a", message: expect.stringMatching(/unknown activity "no_such_activity"/) })]));
  });

  it("takes both the designer and the operator role", async () => {
    for (const [roles, status] of [[["designer"], 403], [["operator"], 403], [["designer", "operator"], 200]] as const) {
      const answer = await mutate("instances.startTest", { workflowName: "tested-roles", definition: valid, input: 1 }, await server.tokenWith([...roles]));
      expect(answer.status, roles.join("+")).toBe(status);
      if (status === 403) expect(answer.body.error.message).toMatch(/takes the designer and operator roles/);
    }
  });
});
