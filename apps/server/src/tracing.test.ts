/**
 * Traces with the real OpenTelemetry SDK, spans kept in memory: a start over HTTP continues the
 * caller's trace into the instance's turns and its http step's attempt, whose request carries the
 * trace on to the server it calls; an event raised later continues its own request's trace.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let server: TestServer;
let target: Server;
let targetUrl: string;
/** What the called server heard, by path. */
const heard = new Map<string, IncomingHttpHeaders>();

const CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";
/** A traceparent an http step sets itself, which must reach the called server as it is. */
const OWN_TRACEPARENT = "00-11111111111111111111111111111111-2222222222222222-01";

beforeAll(async () => {
  provider.register();
  target = createServer((request, response) => {
    heard.set(request.url!, request.headers);
    response.end("ok");
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  server = await startTestServer({ tracer: provider.getTracer("test"), httpAllow: ["127.0.0.1"] });
  const calls = {
    version: 1,
    start: "traced",
    nodes: {
      traced: { type: "activity", activity: "http", input: "{'url': input & '/traced'}", next: "own" },
      own: { type: "activity", activity: "http", input: `{'url': input & '/own', 'headers': {'traceparent': '${OWN_TRACEPARENT}'}}` },
    },
  };
  expect((await server.call("PUT", "/api/v1/workflows/calls", calls)).status).toBe(201);
  const awaitGo = { version: 1, start: "go", nodes: { go: { type: "wait", event: "go", next: "done" }, done: { type: "end", output: "steps.go" } } };
  expect((await server.call("PUT", "/api/v1/workflows/await-go", awaitGo)).status).toBe(201);
  const parent = { version: 1, start: "call", nodes: { call: { type: "subworkflow", workflow: "await-go", next: "done" }, done: { type: "end", output: "steps.call" } } };
  expect((await server.call("PUT", "/api/v1/workflows/parent", parent)).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server.close();
  target.close();
  await provider.shutdown();
});

/** The finished spans matching `where`, once there are at least `count` (a turn's span ends just after its store). */
async function spansWhere(where: (span: ReadableSpan) => boolean, count = 1): Promise<ReadableSpan[]> {
  for (let tries = 0; ; tries++) {
    const found = exporter.getFinishedSpans().filter(where);
    if (found.length >= count || tries > 200) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const ofInstance = (id: string) => (span: ReadableSpan) => span.attributes["flowcraft.instance.id"] === id;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe("traces", () => {
  it("continue a start request's trace into the instance's turns and attempts, and on to the servers its http steps call", async () => {
    const started = await server.call("POST", "/api/v1/workflows/calls/start", JSON.stringify(targetUrl), { ...server.auth, traceparent: `00-${CALLER_TRACE}-${CALLER_SPAN}-01` });
    expect(started.status).toBe(202);
    const id = started.body.instanceId as string;
    expect(await server.waitFor(id)).toMatchObject({ runtimeStatus: "COMPLETED" });

    const [request] = await spansWhere((span) => span.name === "POST /api/v1/workflows/:name/start");
    expect(request!.spanContext().traceId).toBe(CALLER_TRACE);
    expect(parentOf(request!)).toBe(CALLER_SPAN);

    // Start, then each step's result: three turns, the last one completing the instance.
    const turns = await spansWhere((span) => span.name === "turn calls" && ofInstance(id)(span), 3);
    expect(turns).toHaveLength(3);
    for (const turn of turns) expect(turn.spanContext().traceId).toBe(CALLER_TRACE);
    const first = turns.find((turn) => parentOf(turn) === request!.spanContext().spanId);
    expect(first?.attributes).toMatchObject({ "flowcraft.workflow": "calls", "flowcraft.workflow.version": 1, "flowcraft.instance.id": id, "flowcraft.outcome": "running" });
    expect(turns.map((turn) => turn.attributes["flowcraft.outcome"])).toContain("completed");

    const attempts = await spansWhere((span) => span.name === "activity http" && ofInstance(id)(span), 2);
    const traced = attempts.find((span) => span.attributes["flowcraft.node"] === "traced")!;
    expect(traced.attributes).toMatchObject({ "flowcraft.instance.id": id, "flowcraft.node": "traced", "flowcraft.activity": "http", "flowcraft.attempt": 1, "flowcraft.outcome": "completed" });
    expect(parentOf(traced)).toBe(first!.spanContext().spanId);
    // The next turn continues from the attempt that brought its result.
    expect(turns.some((turn) => parentOf(turn) === traced.spanContext().spanId)).toBe(true);

    expect(heard.get("/traced")?.traceparent).toBe(`00-${CALLER_TRACE}-${traced.spanContext().spanId}-01`);
    expect(heard.get("/own")?.traceparent).toBe(OWN_TRACEPARENT);
  });

  it("continue a parent's turn into the child workflow it starts", async () => {
    const startTrace = "a3ce929d0e0e47364bf92f3577b34da6";
    const started = await server.call("POST", "/api/v1/workflows/parent/start", null, { ...server.auth, traceparent: `00-${startTrace}-${CALLER_SPAN}-01` });
    expect(started.status).toBe(202);
    const parentId = started.body.instanceId as string;
    await server.waitFor(parentId, (view) => view.runtimeStatus === "RUNNING");
    let childId: string | undefined;
    for (let tries = 0; !childId && tries < 200; tries++) {
      childId = (await server.call("GET", `/api/v1/instances/${parentId}/children`)).body.children[0]?.instanceId;
      if (!childId) await new Promise((resolve) => setTimeout(resolve, 25));
    }

    const [request] = await spansWhere((span) => span.name === "POST /api/v1/workflows/:name/start" && span.spanContext().traceId === startTrace);
    const [childTurn] = await spansWhere((span) => span.name === "turn await-go" && ofInstance(childId!)(span));
    expect(childTurn!.spanContext().traceId).toBe(startTrace);
    const parentTurns = await spansWhere((span) => span.name === "turn parent" && ofInstance(parentId)(span));
    const starter = parentTurns.find((turn) => turn.spanContext().spanId === parentOf(childTurn!));
    expect(starter && parentOf(starter)).toBe(request!.spanContext().spanId);
  });

  it("continue an event's request in the turn that takes the event", async () => {
    const started = await server.call("POST", "/api/v1/workflows/await-go/start", null);
    const id = started.body.instanceId as string;
    await server.waitFor(id, (view) => view.runtimeStatus === "RUNNING");
    const eventTrace = "5ce929d0e0e47364bf92f3577b34da6a";
    const raised = await server.call("POST", `/api/v1/instances/${id}/events/go`, { approved: true }, { ...server.auth, traceparent: `00-${eventTrace}-${CALLER_SPAN}-01` });
    expect(raised.status).toBe(202);
    expect(await server.waitFor(id)).toMatchObject({ runtimeStatus: "COMPLETED", output: { approved: true } });

    const [request] = await spansWhere((span) => span.name === "POST /api/v1/instances/:id/events/:eventName");
    expect(request!.spanContext().traceId).toBe(eventTrace);
    const [eventTurn] = await spansWhere((span) => span.name === "turn await-go" && ofInstance(id)(span) && span.attributes["flowcraft.outcome"] === "completed");
    expect(eventTurn!.spanContext().traceId).toBe(eventTrace);
    expect(parentOf(eventTurn!)).toBe(request!.spanContext().spanId);
  });
});
