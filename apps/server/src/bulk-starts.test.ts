/** POST /api/v1/workflows/{name}/starts: many starts in one request, idempotent per id. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;

const echo = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };

beforeAll(async () => {
  server = await startTestServer();
  expect((await server.call("PUT", "/api/v1/workflows/bulk-echo", echo)).status).toBe(201);
});
afterAll(() => server.close());

const countInstances = async () => Number((await server.db.pool.query("SELECT count(*) AS n FROM instance WHERE workflow_name = 'bulk-echo'")).rows[0].n);

describe("bulk starts", () => {
  it("starts each item and answers each outcome in order; sent again, every id exists and nothing doubles", async () => {
    const starts = Array.from({ length: 250 }, (_, i) => ({ instanceId: `bulk-${i}`, input: { n: i } }));
    const first = await server.call("POST", "/api/v1/workflows/bulk-echo/starts", { starts }, await server.signIn("olga", ["operator"]));
    expect(first.status).toBe(202);
    expect(first.body.starts).toHaveLength(250);
    expect(first.body.starts[7]).toEqual({ instanceId: "bulk-7", outcome: "started", workflowVersion: 1, statusQueryUrl: "/api/v1/instances/bulk-7" });
    expect(first.body.starts.every((s: { outcome: string }) => s.outcome === "started")).toBe(true);

    const again = await server.call("POST", "/api/v1/workflows/bulk-echo/starts", { starts: [...starts.slice(0, 3), { instanceId: "bulk-new", input: 1 }] });
    expect(again.status).toBe(202);
    expect(again.body.starts.map((s: { instanceId: string; outcome: string }) => `${s.instanceId}:${s.outcome}`)).toEqual([
      "bulk-0:exists",
      "bulk-1:exists",
      "bulk-2:exists",
      "bulk-new:started",
    ]);
    expect(await countInstances()).toBe(251);

    const instance = await server.call("GET", "/api/v1/instances/bulk-7");
    expect(instance.body).toMatchObject({ input: { n: 7 }, startedBy: "olga" });
  });

  it("gives ids it makes up, and an item without input starts with null", async () => {
    const response = await server.call("POST", "/api/v1/workflows/bulk-echo/starts", { starts: [{}, { input: "x" }] });
    expect(response.status).toBe(202);
    const [a, b] = response.body.starts;
    expect(a.instanceId).not.toBe(b.instanceId);
    expect((await server.call("GET", `/api/v1/instances/${a.instanceId}`)).body.input).toBeNull();
  });

  it.each([
    ["no starts", { starts: [] }, /starts/],
    ["over 1,000 starts", { starts: Array.from({ length: 1001 }, () => ({})) }, /1000|1,000/],
    ["a malformed id", { starts: [{ instanceId: "ok-1" }, { instanceId: "has space" }] }, /starts.*1.*instanceId/],
    ["an unknown field", { starts: [{ id: "x" }] }, /id/],
    ["an input Postgres cannot store", { starts: [{ instanceId: "ok-2" }, { input: "a\u0000b" }] }, /starts\[1\]/],
  ])("refuses %s with a 400 naming it, and starts nothing", async (_name, body, message) => {
    const before = await countInstances();
    const response = await server.call("POST", "/api/v1/workflows/bulk-echo/starts", body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error)).toMatch(message);
    expect(await countInstances()).toBe(before);
  });

  it("answers 404 for an unknown workflow or version, and 403 to someone without the operator role", async () => {
    expect((await server.call("POST", "/api/v1/workflows/no-such/starts", { starts: [{}] })).status).toBe(404);
    expect((await server.call("POST", "/api/v1/workflows/bulk-echo/starts", { version: 5, starts: [{}] })).status).toBe(404);
    const viewer = await server.signIn("vic", []);
    expect((await server.call("POST", "/api/v1/workflows/bulk-echo/starts", { starts: [{}] }, viewer)).status).toBe(403);
  });
});
