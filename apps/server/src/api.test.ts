/** The REST API's answers to bad input: a clear 4xx, and nothing changed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
const BODY_LIMIT_BYTES = 64 * 1024;

beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: BODY_LIMIT_BYTES });
});
afterAll(() => server.close());

/** A paging cursor as this server encodes one (runtime/src/page-cursor.ts), around any parts. */
const cursorOf = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString("base64url");

const definition = (output: string) => ({ version: 1, start: "done", nodes: { done: { type: "end", output } } });

async function countRows(table: string) {
  return Number((await server.db.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

describe("publishing definitions", () => {
  it("stores a new version, returns an identical one unchanged, and numbers changes", async () => {
    const first = await server.call("PUT", "/api/v1/workflows/versioned", definition("1"), await server.signIn("ana", ["designer"]));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: "versioned", version: 1, publishedBy: "ana", definition: definition("1") });
    expect(first.headers.get("location")).toBe("/api/v1/workflows/versioned/versions/1");
    const again = await server.call("PUT", "/api/v1/workflows/versioned", definition("1"));
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    const second = await server.call("PUT", "/api/v1/workflows/versioned", definition("2"));
    expect(second.body.version).toBe(2);
    const read = await server.call("GET", "/api/v1/workflows/versioned");
    expect(read.body).toMatchObject({ version: 2, versions: [{ version: 2 }, { version: 1 }] });
    expect((await server.call("GET", "/api/v1/workflows/versioned/versions/1")).body.definition).toEqual(definition("1"));
  });

  it("answers 400 with every problem by node and field, and stores nothing", async () => {
    const before = await countRows("workflow_version");
    const response = await server.call("PUT", "/api/v1/workflows/broken", {
      version: 1,
      start: "a",
      nodes: {
        a: { type: "activity", activity: "no_such_activity", input: "1 +", next: "missing" },
        b: { type: "end" },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid");
    const found = response.body.error.problems.map((p: { nodeId: string; field: string }) => `${p.nodeId}.${p.field}`).sort();
    expect(found).toEqual(["a.activity", "a.input", "a.next", "b.null"]);
    expect(await countRows("workflow_version")).toBe(before);
    expect((await server.call("GET", "/api/v1/workflows/broken")).status).toBe(404);
  });

  it("checks without storing on a dry run: the problems, the version it would be, or the same one", async () => {
    const before = await countRows("workflow_version");
    const broken = await server.call("PUT", "/api/v1/workflows/dry?dryRun=true", { version: 1, start: "a", nodes: { a: { type: "end", next: "x" } } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.problems.length).toBeGreaterThan(0);
    const fresh = await server.call("PUT", "/api/v1/workflows/dry?dryRun=true", definition("1"));
    expect(fresh.status).toBe(201);
    expect(fresh.body).toMatchObject({ name: "dry", version: 1, definition: definition("1") });
    expect(fresh.headers.get("location")).toBeNull();
    expect(await countRows("workflow_version")).toBe(before);
    expect((await server.call("GET", "/api/v1/workflows/dry")).status).toBe(404);
    await server.call("PUT", "/api/v1/workflows/dry", definition("1"));
    expect((await server.call("PUT", "/api/v1/workflows/dry?dryRun=true", definition("1"))).status).toBe(200);
    expect((await server.call("PUT", "/api/v1/workflows/dry?dryRun=true", definition("2"))).body.version).toBe(2);
    expect(await countRows("workflow_version")).toBe(before + 1);
  });

  it.each([
    ["malformed JSON", "{not json", 400, "invalid_json"],
    ["an empty body", "", 400, "invalid"],
    ["a JSON array", "[]", 400, "invalid"],
  ])("answers %s with a 4xx naming the problem", async (_name, body, status, code) => {
    const response = await server.call("PUT", "/api/v1/workflows/bad-body", body, { "content-type": "application/json" });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message.length).toBeGreaterThan(5);
  });

  it("refuses a name that cannot be a URL segment", async () => {
    const response = await server.call("PUT", "/api/v1/workflows/%20spaces%20", definition("1"));
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/workflow name/);
  });

  it("refuses a body over the limit with 413", async () => {
    const huge = { ...definition("1"), description: "x".repeat(BODY_LIMIT_BYTES) };
    const response = await server.call("PUT", "/api/v1/workflows/huge", huge);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("too_large");
  });

  it("refuses a NUL character, which Postgres cannot store", async () => {
    const response = await server.call("POST", "/api/v1/workflows/task-chain/start", '{"name": "a\\u0000b"}', { "content-type": "application/json" });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/NUL/);
  });

  it("refuses a body that is not JSON", async () => {
    const response = await server.call("PUT", "/api/v1/workflows/xml", "<definition/>", { "content-type": "application/xml" });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe("unsupported_media_type");
  });
});

describe("starting and steering instances", () => {
  it("404 for an unknown workflow, 409 for a taken id, 400 for a bad id; nothing is created", async () => {
    const before = await countRows("instance");
    expect((await server.call("POST", "/api/v1/workflows/nope/start", 1)).status).toBe(404);
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=has%20space", 1)).status).toBe(400);
    expect(await countRows("instance")).toBe(before);
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=taken-1", 1)).status).toBe(202);
    const duplicate = await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=taken-1", 2);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toMatch(/already exists/);
    const done = await server.waitFor("taken-1");
    expect(done.input).toBe(1);
  });

  it("starts with a null input when the body is empty", async () => {
    const started = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start");
    expect(started.status).toBe(202);
    const view = await server.waitFor(started.body.instanceId);
    expect(view.input).toBeNull();
    expect(view.runtimeStatus).toBe("FAILED");
  });

  it("events: 404 unknown instance, 400 bad name, 409 after the end", async () => {
    expect((await server.call("POST", "/api/v1/instances/ghost/events/go", {})).status).toBe(404);
    await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=ended-1", 1);
    await server.waitFor("ended-1");
    expect((await server.call("POST", "/api/v1/instances/ended-1/events/bad%20name", {})).status).toBe(400);
    const late = await server.call("POST", "/api/v1/instances/ended-1/events/go", {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/has ended \(COMPLETED\)/);
  });

  it("purge: 409 while running, 204 once ended, then 404; the audit log keeps who purged what", async () => {
    const started = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start?instanceId=po-1", { cost: 5000, product: "x", quantity: 1 });
    expect(started.status).toBe(202);
    await server.waitFor("po-1", (v) => v.runtimeStatus === "RUNNING");
    expect((await server.call("DELETE", "/api/v1/instances/po-1")).status).toBe(409);
    expect((await server.call("POST", "/api/v1/instances/po-1/resume")).status).toBe(409);
    expect((await server.call("POST", "/api/v1/instances/po-1/terminate", { reason: "test" })).status).toBe(202);
    await server.waitFor("po-1");
    expect((await server.call("POST", "/api/v1/instances/po-1/terminate")).status).toBe(409);
    expect((await server.call("DELETE", "/api/v1/instances/po-1", undefined, await server.signIn("olga", ["operator"]))).status).toBe(204);
    expect((await server.call("GET", "/api/v1/instances/po-1")).status).toBe(404);
    expect(Number((await server.db.pool.query("SELECT count(*) AS n FROM history_event WHERE instance_id = 'po-1'")).rows[0].n)).toBe(0);
    expect((await server.call("DELETE", "/api/v1/instances/po-1")).status).toBe(404);
    const audit = await server.call("GET", `/trpc/admin.audit.recent?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    const purges = audit.body.result.data.filter((entry: { action: string; target?: string }) => entry.action === "instance.purged" && entry.target === "po-1");
    expect(purges).toEqual([
      expect.objectContaining({ actor: "olga", details: expect.objectContaining({ workflowName: "purchase-order-approval", workflowVersion: 1, runtimeStatus: "TERMINATED" }) }),
    ]);
  });

  it("an action body with unknown fields is refused", async () => {
    await server.call("POST", "/api/v1/workflows/purchase-order-approval/start?instanceId=po-2", { cost: 5000, product: "x", quantity: 1 });
    const response = await server.call("POST", "/api/v1/instances/po-2/terminate", { reason: "x", force: true });
    expect(response.status).toBe(400);
    expect((await server.call("GET", "/api/v1/instances/po-2")).body.runtimeStatus).not.toBe("TERMINATED");
  });
});

describe("listing", () => {
  it("filters by workflow and status, and pages with a cursor", async () => {
    for (let i = 0; i < 5; i++) await server.call("POST", `/api/v1/workflows/task-chain/start?instanceId=page-${i}`, i);
    for (let i = 0; i < 5; i++) await server.waitFor(`page-${i}`);
    const first = await server.call("GET", "/api/v1/instances?workflowName=task-chain&status=COMPLETED&instanceId=page-&limit=3");
    expect(first.status).toBe(200);
    expect(first.body.instances.map((i: { instanceId: string }) => i.instanceId)).toEqual(["page-4", "page-3", "page-2"]);
    const second = await server.call("GET", `/api/v1/instances?workflowName=task-chain&status=COMPLETED&instanceId=page-&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.instances.map((i: { instanceId: string }) => i.instanceId)).toEqual(["page-1", "page-0"]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("narrows the list to a version and to a time range of creation", async () => {
    await server.call("PUT", "/api/v1/workflows/by-version", definition("1"));
    const first = await server.call("POST", "/api/v1/workflows/by-version/start", null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const between = new Date().toISOString();
    await server.call("PUT", "/api/v1/workflows/by-version", definition("2"));
    const second = await server.call("POST", "/api/v1/workflows/by-version/start", null);
    const ids = async (query: string) => (await server.call("GET", `/api/v1/instances?workflowName=by-version&${query}`)).body.instances.map((i: { instanceId: string }) => i.instanceId);

    expect(await ids("workflowVersion=1")).toEqual([first.body.instanceId]);
    expect(await ids("workflowVersion=2")).toEqual([second.body.instanceId]);
    expect(await ids(`createdFrom=${between}`)).toEqual([second.body.instanceId]);
    expect(await ids(`createdTo=${between}`)).toEqual([first.body.instanceId]);
    expect(await ids(`createdFrom=${between}&workflowVersion=1`)).toEqual([]);
  });

  it("pages the approvals inbox and counts every approval on all pages", async () => {
    // A workflow of its own: approvals other tests leave waiting may open while this one pages.
    const { definition } = (await server.call("GET", "/api/v1/workflows/purchase-order-approval")).body;
    expect((await server.call("PUT", "/api/v1/workflows/paged-approvals", definition)).status).toBe(201);
    const order = { product: "desk", quantity: 1, cost: 5000 };
    const started = [];
    for (let i = 0; i < 3; i++) started.push((await server.call("POST", "/api/v1/workflows/paged-approvals/start", order)).body.instanceId as string);
    const inbox = (query: string) => server.call("GET", `/api/v1/approvals?workflowName=paged-approvals&${query}`);
    for (let i = 0; i < 400 && (await inbox("")).body.total < 3; i++) await new Promise((resolve) => setTimeout(resolve, 25));

    const first = await inbox("limit=2");
    expect(first.status).toBe(200);
    expect(first.body.approvals).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await inbox(`limit=1000&cursor=${first.body.nextCursor}`);
    const all = [...first.body.approvals, ...rest.body.approvals].map((a: { instanceId: string }) => a.instanceId);
    expect(rest.body.nextCursor).toBeNull();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(started));
    expect(first.body.total).toBe(all.length);
    expect(rest.body.total).toBe(all.length);

    for (const query of ["limit=0", "limit=1001", "cursor=garbage"]) {
      const refused = await inbox(query);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(query.startsWith("limit") ? /limit/ : /cursor/);
    }
  });

  it.each([
    ["status=BOGUS", /status/],
    ["limit=0", /limit/],
    ["limit=abc", /limit/],
    ["createdFrom=yesterday", /createdFrom/],
    ["cursor=garbage", /cursor/],
    // Cursors shaped like this server's, holding what Postgres cannot compare or store.
    [`cursor=${cursorOf(["newest", "2020-01-01T00:00:00.000Z", "x\u0000"])}`, /cursor/],
    [`cursor=${cursorOf(["newest", "-000001-01-01T00:00:00.000Z", "x"])}`, /cursor/],
    [`cursor=${cursorOf(["oldest", "0000-01-01T00:00:00.000Z", "x"])}&order=oldest`, /cursor/],
    [`cursor=${cursorOf(["newest", "+275760-09-13T00:00:00.000Z", "x"])}`, /cursor/],
    [`cursor=${cursorOf(["newest", "2020-01-01T00:00:00.000Z", "has space"])}`, /cursor/],
    ["workflowVersion=99999999999", /workflowVersion/],
    ["createdFrom=-100000-01-01", /createdFrom/],
  ])("refuses %s with a message naming it", async (query, pattern) => {
    const response = await server.call("GET", `/api/v1/instances?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(pattern);
  });

  it("answers out-of-range versions and odd ids with a 4xx, never a 500", async () => {
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start?version=99999999999", 1)).status).toBe(400);
    expect((await server.call("GET", "/api/v1/workflows/task-chain/versions/99999999999")).status).toBe(400);
    expect((await server.call("GET", "/api/v1/instances/x/history?afterSeq=99999999999")).status).toBe(400);
    expect((await server.call("GET", "/api/v1/instances/a%00b")).status).toBe(404);
  });

  it("serves instances with the longest id it accepts, and refuses longer path segments in the one error shape", async () => {
    const longest = "i".repeat(200);
    expect((await server.call("POST", `/api/v1/workflows/task-chain/start?instanceId=${longest}`, 1)).status).toBe(202);
    expect((await server.waitFor(longest)).output).toEqual([2, 4, 16]);
    expect((await server.call("GET", `/api/v1/instances/${longest}/history`)).status).toBe(200);
    const overlong = await server.call("GET", `/api/v1/instances/${"x".repeat(3_000)}`);
    expect(overlong.status).toBe(400);
    expect(overlong.body.error).toEqual({ code: "invalid", message: "a path segment is longer than 2000 characters" });
  });

  it("answers a request whose URL and headers are too large to read with 431 in the one error shape", async () => {
    const response = await server.call("GET", `/api/v1/instances?instanceId=${"x".repeat(20_000)}`);
    expect(response.status).toBe(431);
    expect(response.body.error).toEqual({ code: "too_large", message: expect.stringMatching(/URL and headers are too large/) });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await server.call("GET", "/api/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });

  it("answers with a Content-Security-Policy that allows no inline script and no framing", async () => {
    const response = await fetch(`${server.url}/api/health`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves an OpenAPI description of every route", async () => {
    const response = await server.call("GET", "/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(["/api/v1/workflows/{name}", "/api/v1/workflows/{name}/start", "/api/v1/instances/{id}/events/{eventName}", "/api/v1/instances/{id}/terminate", "/api/v1/auth/login", "/api/v1/auth/password"]),
    );
    expect(response.body.components.schemas.Node).toBeDefined();
    expect(Object.keys(response.body.components.securitySchemes)).toEqual(["apiToken", "session"]);
    expect(JSON.stringify(response.body)).not.toContain("#/$defs/");
  });
});
