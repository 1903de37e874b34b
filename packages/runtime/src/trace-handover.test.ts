/**
 * The trace of an instance survives every hand-over through the database, with the real
 * OpenTelemetry SDK: the start message keeps the starter's trace, the task row the turn's, the
 * result message the attempt's. One worker only decides and another only runs activities, so
 * nothing reaches the next span in memory, as between worker processes.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer("test");
let rt: TestRuntime;
let server: Server;
let base = "";
const traceparents: Array<string | undefined> = [];

beforeAll(async () => {
  provider.register();
  server = createServer((request, response) => {
    traceparents.push(request.headers.traceparent as string | undefined);
    response.end("pong");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rt = await createTestRuntime();
  await rt.startWorker(undefined, { runActivities: false, tracer });
  await rt.startWorker(undefined, { orchestrate: false, httpAllow: ["127.0.0.1"], tracer });
}, 60_000);

afterAll(async () => {
  await rt.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await provider.shutdown();
});

async function spansOf(instanceId: string, count: number): Promise<ReadableSpan[]> {
  for (let tries = 0; ; tries++) {
    const found = exporter.getFinishedSpans().filter((span) => span.attributes["flowcraft.instance.id"] === instanceId);
    if (found.length >= count || tries > 200) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("a trace handed over through the database", () => {
  it("runs from the span that started the instance through its turn, the attempt on another worker, and the next turn", async () => {
    await rt.workflows.publish("ping", { version: 1, start: "call", nodes: { call: { type: "activity", activity: "http", input: "{'url': input}" } } });
    const starter = tracer.startSpan("start ping");
    const { instanceId } = await context.with(trace.setSpan(context.active(), starter), () => rt.instances.start("ping", `${base}/ping`));
    starter.end();
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED" });

    const spans = await spansOf(instanceId, 3);
    const [firstTurn, lastTurn] = spans.filter((span) => span.name === "turn ping");
    const attempt = spans.find((span) => span.name === "activity http")!;
    const { traceId, spanId } = starter.spanContext();
    expect(spans.every((span) => span.spanContext().traceId === traceId)).toBe(true);
    expect(firstTurn!.parentSpanContext?.spanId).toBe(spanId);
    expect(attempt.parentSpanContext?.spanId).toBe(firstTurn!.spanContext().spanId);
    expect(lastTurn!.parentSpanContext?.spanId).toBe(attempt.spanContext().spanId);
    expect(lastTurn!.attributes["flowcraft.outcome"]).toBe("completed");
    expect(traceparents).toEqual([`00-${traceId}-${attempt.spanContext().spanId}-01`]);
  });
});
