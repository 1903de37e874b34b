/** A workflow's retention over REST and tRPC: who may set it, what is refused, and the audit log. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const put = (body: unknown, headers?: Record<string, string>, workflow = "task-chain") => server.call("PUT", `/api/v1/workflows/${workflow}/retention`, body, headers);

describe("a workflow's retention", () => {
  it("follows the installation's default until set, and an operator sets it", async () => {
    expect((await server.call("GET", "/api/v1/workflows/task-chain/retention")).body).toEqual({
      workflowName: "task-chain",
      retentionDays: null,
      defaultRetentionDays: 30,
      effectiveRetentionDays: 30,
    });
    const operator = await server.tokenWith(["operator"], "retention operator");
    const { status, body } = await put({ retentionDays: 0 }, operator);
    expect(status).toBe(200);
    expect(body).toMatchObject({ retentionDays: 0, effectiveRetentionDays: 0 });
    expect((await server.call("GET", "/api/v1/workflows/task-chain/retention")).body.retentionDays).toBe(0);
    const audit = (await server.call("GET", "/trpc/admin.audit.recent")).body.result.data as Array<{ action: string; actor: string; target?: string; details?: unknown }>;
    expect(audit.find((entry) => entry.action === "workflow.retention_changed")).toEqual(
      expect.objectContaining({ actor: "token:retention operator", target: "task-chain", details: { from: null, to: 0, defaultRetentionDays: 30 } }),
    );
  });

  it("is refused to those who may not operate", async () => {
    const designer = await server.tokenWith(["designer"]);
    const { status, body } = await put({ retentionDays: 1 }, designer);
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/operator role/);
    const viewer = await server.tokenWith([]);
    expect((await server.call("POST", "/trpc/workflows.setRetention", { name: "task-chain", retentionDays: 1 }, viewer)).status).toBe(403);
  });

  it.each([
    ["a negative number", { retentionDays: -1 }],
    ["a fraction", { retentionDays: 2.5 }],
    ["a string", { retentionDays: "7" }],
    ["more than a hundred years", { retentionDays: 36_501 }],
    ["no retentionDays", {}],
    ["a field it does not know", { retentionDays: 7, days: 7 }],
    ["an array", [7]],
  ])("refuses %s with a 400 naming what is wrong", async (_name, body) => {
    const answer = await put(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(/retentionDays|days|expected/i);
  });

  it("answers 404 for a workflow that does not exist", async () => {
    expect((await put({ retentionDays: 1 }, undefined, "no-such-workflow")).status).toBe(404);
    expect((await server.call("GET", "/api/v1/workflows/no-such-workflow/retention")).status).toBe(404);
  });

  it("is read and set over tRPC as over REST", async () => {
    const set = await server.call("POST", "/trpc/workflows.setRetention", { name: "async-http", retentionDays: 90 });
    expect(set.status).toBe(200);
    expect(set.body.result.data).toMatchObject({ workflowName: "async-http", retentionDays: 90, effectiveRetentionDays: 90 });
    const read = await server.call("GET", `/trpc/workflows.retention?input=${encodeURIComponent(JSON.stringify({ name: "async-http" }))}`);
    expect(read.body.result.data.retentionDays).toBe(90);
    expect((await server.call("POST", "/trpc/workflows.setRetention", { name: "async-http", retentionDays: null })).body.result.data.effectiveRetentionDays).toBe(30);
    expect((await server.call("POST", "/trpc/workflows.setRetention", { name: "async-http", retentionDays: -3 })).status).toBe(400);
  });
});
