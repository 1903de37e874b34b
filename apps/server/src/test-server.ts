/** A real server on a loopback port over a fresh database, with the example workflows, for tests. */
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { TERMINAL_STATUSES } from "@flowcraft/engine";
import { randomBytes } from "node:crypto";
import type { Tracer } from "@opentelemetry/api";
import { Approvals, BulkJobs, DEFAULT_RETENTION_DAYS, Drafts, Instances, Schedules, Secrets, Worker, Workflows, WorkflowRetention, type ActivityFunction, type InstanceView, type Logger, silentLogger, Webhooks } from "@flowcraft/runtime";
import type { FastifyInstance } from "fastify";
import { accessServices, type AccessServices } from "./accounts/services.ts";
import { buildApp } from "./app.ts";
import { CSRF_HEADER } from "./accounts/access.ts";
import type { Role } from "@flowcraft/access";
import { exampleRegistry, seedExamples } from "./examples/index.ts";
import { processMetrics, type ProcessMetrics } from "./operations/process-metrics.ts";
import { bulkPerformer } from "./bulk/bulk-actions.ts";

export interface TestServer {
  url: string;
  db: TestDatabase;
  app: FastifyInstance;
  /** The server's accounts, sessions, tokens and audit log. */
  access: AccessServices;
  /**
   * fetch against the server; JSON bodies are sent and parsed for you. Unless `headers` carry
   * other credentials, the call is made with an API token that holds every role.
   */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** Headers of the API token holding every role, for plain fetch calls. */
  auth: Record<string, string>;
  /** Headers of an API token holding these roles. */
  tokenWith(roles: Role[], name?: string): Promise<Record<string, string>>;
  /** Creates an account and signs it in: the headers a browser of that person sends (cookie and CSRF token). */
  signIn(username: string, roles: Role[], groups?: string[]): Promise<Record<string, string>>;
  /** The process's metrics, which the server's worker feeds and GET /metrics serves with `metricsToken`. */
  metrics: ProcessMetrics;
  /** Polls GET /api/v1/instances/{id} until `until` holds (default: ended). */
  waitFor(id: string, until?: (view: InstanceView) => boolean, timeoutMs?: number): Promise<InstanceView>;
  close(): Promise<void>;
}

/** The password `signIn` gives the accounts it creates. */
export const TEST_PASSWORD = "test password 123";

export interface TestServerOptions {
  /** Example activities replaced by the test's own. */
  activities?: Record<string, ActivityFunction>;
  bodyLimitBytes?: number;
  /** What the http activity may reach besides public addresses: the test's own loopback servers. */
  httpAllow?: string[];
  /** Take the client's address from X-Forwarded-For, as behind a reverse proxy. */
  trustProxy?: boolean;
  /** Requests one webhook takes per minute. */
  webhookRequestsPerMinute?: number;
  /** False: a fresh installation without its owner, as before the first-run set-up. */
  owner?: boolean;
  /** The token that opens GET /metrics; closed without one. */
  metricsToken?: string;
  /** The log of the server and its worker (`createLogger`); the server logs nothing and the worker only its errors, to standard error, when absent. */
  log?: Logger;
  /** Spans of the server's requests and the worker's turns and attempts. */
  tracer?: Tracer;
  /** Instances a bulk job acts on between two looks at the job. */
  bulkBatchSize?: number;
}

export async function startTestServer({ activities = {}, bodyLimitBytes = 256 * 1024, httpAllow = [], trustProxy = false, webhookRequestsPerMinute, owner = true, metricsToken, log, tracer, bulkBatchSize }: TestServerOptions = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const workflows = new Workflows(db);
  const secrets = new Secrets(db, randomBytes(32));
  const metrics = processMetrics(db);
  const observed = { ...(log ? { log } : {}), ...(tracer ? { tracer } : {}) };
  // A low bcrypt cost: tests sign many people in.
  const access = accessServices(db, secrets, 4);
  const instances = new Instances(db);
  const approvals = new Approvals(db);
  const bulkActions = bulkPerformer({ instances, approvals, audit: access.audit });
  const worker = new Worker(db, {
    activities: exampleRegistry(activities),
    httpAllow,
    secrets,
    metrics: metrics.runtime,
    bulkActions,
    ...(bulkBatchSize ? { bulkBatchSize } : {}),
    ...(tracer ? { tracer } : {}),
    ...(log ? { logger: log } : { logger: silentLogger(), onError: (e: unknown) => console.error(e) }),
  });
  await worker.start();
  await seedExamples(db, workflows);
  const webhooks = new Webhooks(db, instances, secrets);
  const app = await buildApp({ workflows, drafts: new Drafts(db), instances, schedules: new Schedules(db, instances), approvals, webhooks, bulkJobs: new BulkJobs(db, instances), retention: new WorkflowRetention(db, DEFAULT_RETENTION_DAYS), access, pool: db.pool, metrics: { registry: metrics.registry, token: metricsToken }, bodyLimitBytes, trustProxy, ...(webhookRequestsPerMinute ? { webhookRequestsPerMinute } : {}), ...observed });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  if (owner) await access.accounts.setupOwner({ username: "owner", password: TEST_PASSWORD });
  const tokenWith: TestServer["tokenWith"] = async (roles, name = `test ${roles.join(" ") || "viewer"} ${Math.random().toString(36).slice(2)}`) => {
    const { secret } = await access.tokens.create({ name, roles }, "owner");
    return { authorization: `Bearer ${secret}` };
  };
  const everything = await tokenWith(["admin", "designer", "operator", "approver"], "test");

  const call: TestServer["call"] = async (method, path, body, headers) => {
    // Credentials of the call's own replace the token; other headers go with it.
    const own = headers && ("authorization" in headers || "cookie" in headers);
    const init: RequestInit = { method, headers: own ? { ...headers } : { ...everything, ...headers } };
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
    access,
    call,
    auth: everything,
    tokenWith,
    metrics,
    async signIn(username, roles, groups = []) {
      await access.accounts.create({ username, password: TEST_PASSWORD, roles, groups });
      const response = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
      return { cookie, [CSRF_HEADER]: csrfToken };
    },
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
