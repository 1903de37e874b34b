/** A `pnpm worker` process serves its own metrics and health, behind the same token as the server's. */
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { Worker } from "@flowcraft/runtime";
import type { FastifyInstance } from "fastify";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, expect, it } from "vitest";
import { processMetrics } from "./process-metrics.ts";
import { workerEndpoint } from "./worker-endpoint.ts";

const TOKEN = "worker-metrics-token-0123456789";
let db: TestDatabase;
let worker: Worker;
let endpoint: FastifyInstance;
let url: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const metrics = processMetrics(db);
  worker = new Worker(db, { metrics: metrics.runtime });
  await worker.start();
  endpoint = await workerEndpoint(db.pool, metrics.registry, TOKEN);
  await endpoint.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(endpoint.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await endpoint?.close();
  await worker?.stop();
  await db?.destroy();
});

it("serves the worker's metrics to the token only, and its health to anyone", async () => {
  expect((await fetch(`${url}/metrics`)).status).toBe(401);
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  const families = new Map(parsePrometheusTextFormat(await response.text()).map((f) => [f.name, f]));
  expect(families.get("flowcraft_workers")?.metrics[0]?.value).toBe("1");
  expect(families.has("flowcraft_activity_attempts_total")).toBe(true);
  // The scrape's own query is not counted as one waiting for a connection.
  expect(families.get("flowcraft_db_pool_waiting_requests")?.metrics[0]?.value).toBe("0");
  expect(families.has("process_resident_memory_bytes")).toBe(true);

  expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: "ok" });
  expect(await (await fetch(`${url}/api/health/ready`)).json()).toEqual({ status: "ready" });
  expect((await fetch(`${url}/api/v1/workflows`)).status).toBe(404);
});
