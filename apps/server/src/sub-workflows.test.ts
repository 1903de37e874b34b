/** Sub-workflows through the REST API: publishing checks the named workflow, and parent and child link both ways. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

describe("sub-workflows over REST", () => {
  it("refuses a step naming an unpublished workflow with a 400 that names the step", async () => {
    const response = await server.call("PUT", "/api/v1/workflows/calls-missing", {
      version: 1,
      start: "call",
      nodes: { call: { type: "subworkflow", workflow: "missing" } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.problems).toEqual([
      { path: "nodes.call.workflow", nodeId: "call", field: "workflow", message: 'unknown workflow "missing": no version of it is published' },
    ]);
  });

  it("links the child to its parent, and lists the parent's children", async () => {
    await server.call("PUT", "/api/v1/workflows/greet", { version: 1, start: "hi", nodes: { hi: { type: "end", output: "'hello ' & input" } } });
    await server.call("PUT", "/api/v1/workflows/greeter", {
      version: 1,
      start: "greeting",
      nodes: { greeting: { type: "subworkflow", workflow: "greet", input: "input.name" } },
    });
    const started = await server.call("POST", "/api/v1/workflows/greeter/start", { name: "ada" });
    const parentId = started.body.instanceId as string;
    expect(await server.waitFor(parentId)).toMatchObject({ runtimeStatus: "COMPLETED", output: "hello ada", parent: null });

    const listed = await server.call("GET", `/api/v1/instances/${parentId}/children`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ childrenTotal: 1, children: [{ workflowName: "greet", node: "greeting", stepId: "greeting", attempt: 1, runtimeStatus: "COMPLETED" }] });
    const child = await server.call("GET", `/api/v1/instances/${listed.body.children[0].instanceId}`);
    expect(child.body).toMatchObject({ output: "hello ada", parent: { instanceId: parentId, node: "greeting", stepId: "greeting" } });
  });
});
