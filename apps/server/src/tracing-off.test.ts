/**
 * Traces stay off unless an endpoint is configured: no SDK is started, and a server and worker
 * given no tracer make no span and add no traceparent, even with an SDK registered in the process
 * by something else and a caller that sends a traceparent.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";
import { startTracing } from "./tracing.ts";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let server: TestServer;
let target: Server;
let targetUrl: string;
const heard: Array<string | undefined> = [];

beforeAll(async () => {
  provider.register();
  target = createServer((request, response) => {
    heard.push(request.headers.traceparent as string | undefined);
    response.end("ok");
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  server = await startTestServer({ httpAllow: ["127.0.0.1"] });
  const call = { version: 1, start: "call", nodes: { call: { type: "activity", activity: "http", input: "{'url': input}" } } };
  expect((await server.call("PUT", "/api/v1/workflows/call", call)).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server.close();
  target.close();
  await provider.shutdown();
});

describe("with traces off", () => {
  it("starts no SDK when no endpoint is configured", async () => {
    expect(await startTracing({ endpoint: undefined, serviceName: "flowcraft" })).toBeNull();
  });

  it("exports nothing and adds no traceparent to an http step's request", async () => {
    const started = await server.call("POST", "/api/v1/workflows/call/start", JSON.stringify(targetUrl), { ...server.auth, traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" });
    expect(started.status).toBe(202);
    expect(await server.waitFor(started.body.instanceId)).toMatchObject({ runtimeStatus: "COMPLETED" });
    expect(heard).toEqual([undefined]);
    await provider.forceFlush();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
