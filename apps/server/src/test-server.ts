/** A real server on a loopback port over a fresh database, with the example workflows, for tests. */
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { TERMINAL_STATUSES } from "@flowcraft/engine";
import { Approvals, Drafts, Instances, Worker, Workflows, type ActivityFunction, type InstanceView } from "@flowcraft/runtime";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { exampleRegistry, seedExamples } from "./examples/index.ts";

export interface TestServer {
  url: string;
  db: TestDatabase;
  app: FastifyInstance;
  /** fetch against the server; JSON bodies are sent and parsed for you. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** Polls GET /api/v1/instances/{id} until `until` holds (default: ended). */
  waitFor(id: string, until?: (view: InstanceView) => boolean, timeoutMs?: number): Promise<InstanceView>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Example activities replaced by the test's own. */
  activities?: Record<string, ActivityFunction>;
  bodyLimitBytes?: number;
  /** What the http activity may reach besides public addresses: the test's own loopback servers. */
  httpAllow?: string[];
}

export async function startTestServer({ activities = {}, bodyLimitBytes = 256 * 1024, httpAllow = [] }: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const workflows = new Workflows(db);
  const worker = new Worker(db, { activities: exampleRegistry(activities), httpAllow, onError: (e) => console.error(e) });
  await worker.start();
  await seedExamples(db, workflows);
  const app = await buildApp({ workflows, drafts: new Drafts(db), instances: new Instances(db), approvals: new Approvals(db), bodyLimitBytes });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const call: TestServer["call"] = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)["content-type"] ??= "application/json";
    }
    const response = await fetch(url + path, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  return {
    url,
    db,
    app,
    call,
    async waitFor(id, until = (view) => TERMINAL_STATUSES.has(view.runtimeStatus), timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { status, body } = await call("GET", `/api/v1/instances/${encodeURIComponent(id)}`);
        if (status === 200 && until(body)) return body as InstanceView;
        if (Date.now() > deadline) throw new Error(`instance ${id} did not get there in ${timeoutMs} ms: ${JSON.stringify(body)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await app.close();
      await worker.stop();
      await db.destroy();
    },
  };
}
