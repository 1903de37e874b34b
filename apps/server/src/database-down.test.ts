/**
 * While the database cannot be reached, requests are answered 503 with Retry-After, not 500: the
 * server's database connections go through a TCP proxy that the test breaks the ways a database
 * goes away (stopped, cut mid-query, hung, shut down by an administrator).
 */
import { randomBytes } from "node:crypto";
import { createServer, connect as connectTcp, type AddressInfo, type Server, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { connect, type Database } from "@flowcraft/db";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { Approvals, BulkJobs, DEFAULT_RETENTION_DAYS, Drafts, Instances, Schedules, Secrets, Workflows, WorkflowRetention, Webhooks } from "@flowcraft/runtime";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { accessServices } from "./accounts/services.ts";
import { buildApp } from "./app.ts";
import { READINESS_DEADLINE_MS } from "./operations/readiness.ts";
import { createLogger } from "./logging.ts";

/** A TCP proxy in front of the database, which a test breaks the way a database goes away. */
interface DatabaseProxy {
  url: string;
  /** Cuts every connection and refuses new ones: the database stopped. */
  stop(): Promise<void>;
  /** Passes nothing more on open connections, which stay open: queries under way stall. */
  freeze(): void;
  /** Cuts every connection and accepts new ones without ever answering: the database's host hangs. */
  hang(): void;
}

async function proxyTo(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let hung = false;
  let frozen = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket)).on("error", () => {});
  };
  const server: Server = createServer((client) => {
    track(client);
    if (hung) return;
    const upstream = connectTcp(Number(target.port || 5432), target.hostname);
    track(upstream);
    client.on("data", (chunk) => frozen || upstream.write(chunk));
    upstream.on("data", (chunk) => frozen || client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    async stop() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    freeze() {
      frozen = true;
    },
    hang() {
      hung = true;
      for (const socket of sockets) socket.destroy();
    },
  };
}

interface ServerOverProxy {
  url: string;
  proxy: DatabaseProxy;
  /** The test's own connection, around the proxy. */
  direct: TestDatabase;
  /** Headers of an API token holding every role. */
  auth: Record<string, string>;
  /** The lines the server logged at error level. */
  errorsLogged(): Array<Record<string, any>>;
  close(): Promise<void>;
}

const opened: ServerOverProxy[] = [];
afterEach(async () => {
  for (const server of opened.splice(0)) await server.close();
});

/** A server whose database connections pass the proxy; `connectionTimeoutMs` bounds the wait for one. */
async function serverOverProxy(connectionTimeoutMs?: number): Promise<ServerOverProxy> {
  const direct = await createTestDatabase();
  const proxy = await proxyTo(direct.url);
  const db: Database = connect(proxy.url, { poolSize: 4, ...(connectionTimeoutMs ? { connectionTimeoutMs } : {}) });
  const access = accessServices(db, new Secrets(db, randomBytes(32)), 4);
  const lines: Array<Record<string, any>> = [];
  const log = createLogger({ level: "error", stream: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  const app: FastifyInstance = await buildApp({ workflows: new Workflows(db), drafts: new Drafts(db), instances: new Instances(db), schedules: new Schedules(db, new Instances(db)), approvals: new Approvals(db), webhooks: new Webhooks(db, new Instances(db), access.secrets), retention: new WorkflowRetention(db, DEFAULT_RETENTION_DAYS), bulkJobs: new BulkJobs(db, new Instances(db)), access, pool: db.pool, bodyLimitBytes: 65_536, log });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { secret } = await access.tokens.create({ name: "all", roles: ["admin", "designer", "operator", "approver"] }, "test");
  const server: ServerOverProxy = {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    proxy,
    direct,
    auth: { authorization: `Bearer ${secret}` },
    errorsLogged: () => lines,
    async close() {
      await app.close();
      await proxy.stop();
      await db.close().catch(() => {});
      await direct.destroy();
    },
  };
  opened.push(server);
  return server;
}

async function expectUnavailable(response: Response) {
  const body = (await response.json()) as any;
  expect(response.status, JSON.stringify(body)).toBe(503);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  return body;
}

describe("while the database is down", () => {
  it("answers REST and tRPC with 503 and Retry-After, in their error shapes", async () => {
    const server = await serverOverProxy();
    const get = (path: string) => fetch(server.url + path, { headers: server.auth });
    expect((await get("/api/v1/workflows")).status).toBe(200);
    await server.proxy.stop();

    const rest = await expectUnavailable(await get("/api/v1/workflows"));
    expect(rest).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database cannot be reached; try again in \d+ s/) } });
    await expectUnavailable(await fetch(`${server.url}/api/v1/workflows/w/start`, { method: "POST", headers: { ...server.auth, "content-type": "application/json" }, body: "1" }));
    await expectUnavailable(await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"username":"olga","password":"whatever it is"}' }));
    const trpc = await expectUnavailable(await get("/trpc/workflows.list"));
    expect(trpc.error.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503 });
    expect(trpc.error.message).toMatch(/database cannot be reached/);

    // Each is logged with its cause, and without the password or token it carried.
    const logged = server.errorsLogged();
    expect(logged.map((line) => line.req.url)).toEqual(["/api/v1/workflows", "/api/v1/workflows/w/start", "/api/v1/auth/login", "/trpc/workflows.list"]);
    for (const line of logged) expect(JSON.stringify(line.err)).toMatch(/ECONNREFUSED|DatabaseNotReachable/);
    expect(JSON.stringify(logged)).not.toContain("whatever it is");
    expect(JSON.stringify(logged)).not.toContain(server.auth.authorization!.slice("Bearer ".length));
  });

  it("ends a watch under way with an error event saying so, and logs it", async () => {
    const server = await serverOverProxy();
    const send = (method: string, path: string, body: unknown) =>
      fetch(server.url + path, { method, headers: { ...server.auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await send("PUT", "/api/v1/workflows/watched", { version: 1, start: "done", nodes: { done: { type: "end" } } })).status).toBe(201);
    const { instanceId } = (await (await send("POST", "/api/v1/workflows/watched/start", null)).json()) as { instanceId: string };
    const watch = await fetch(`${server.url}/api/v1/instances/${instanceId}/watch?afterSeq=0`, { headers: server.auth });
    const reader = watch.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (marker: string) => {
      while (!received.includes(marker)) received += (await reader.read()).value ?? "";
    };
    await readUntil("data: ");
    await server.proxy.stop();
    await readUntil("event: error\ndata: ");
    const data = received.slice(received.indexOf("event: error\ndata: ") + "event: error\ndata: ".length).split("\n")[0]!;
    expect(JSON.parse(data)).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/database cannot be reached/) } });
    await reader.cancel();
    expect(server.errorsLogged().map((line) => line.req.url)).toEqual([`/api/v1/instances/${instanceId}/watch?afterSeq=0`]);
  });

  it("answers 503 when the connection is cut while a query runs", async () => {
    const server = await serverOverProxy();
    expect((await fetch(`${server.url}/api/v1/workflows`, { headers: server.auth })).status).toBe(200);
    server.proxy.freeze();
    const pending = fetch(`${server.url}/api/v1/workflows`, { headers: server.auth });
    await sleep(200);
    await server.proxy.stop();
    await expectUnavailable(await pending);
  });

  it("is not ready, saying why, while the server stays live", async () => {
    const server = await serverOverProxy();
    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
    await server.proxy.stop();

    const down = await expectUnavailable(await fetch(`${server.url}/api/health/ready`));
    expect(down).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/^the database cannot be reached: .*ECONNREFUSED/) } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it("is not ready within its deadline when the database hangs", async () => {
    const server = await serverOverProxy(30_000);
    server.proxy.hang();
    const asked = Date.now();
    const body = await expectUnavailable(await fetch(`${server.url}/api/health/ready`));
    expect(Date.now() - asked).toBeLessThan(READINESS_DEADLINE_MS + 1_000);
    expect(body.error.message).toBe(`the database cannot be reached: no answer within ${READINESS_DEADLINE_MS / 1000} s`);
  }, 10_000);

  it("answers 503 once the wait for a connection to a hung database runs out", async () => {
    const server = await serverOverProxy(300);
    server.proxy.hang();
    await expectUnavailable(await fetch(`${server.url}/api/v1/workflows`, { headers: server.auth }));
  }, 10_000);

  it.skipIf(!process.env.DATABASE_URL)("answers 503 when an administrator ends the connection of a running query (57P01)", async () => {
    const server = await serverOverProxy();
    expect((await fetch(`${server.url}/api/v1/workflows`, { headers: server.auth })).status).toBe(200);
    const admin = await server.direct.pool.connect();
    try {
      // The workflow list waits behind this lock, so that its connection is busy when it is ended.
      await admin.query("BEGIN; LOCK TABLE workflow IN ACCESS EXCLUSIVE MODE");
      const pending = fetch(`${server.url}/api/v1/workflows`, { headers: server.auth });
      let ended = 0;
      for (let i = 0; i < 200 && ended === 0; i++) {
        await sleep(25);
        const { rows } = await admin.query<{ ended: boolean }>(
          "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        ended = rows.length;
      }
      expect(ended).toBe(1);
      await expectUnavailable(await pending);
      expect(JSON.stringify(server.errorsLogged().map((line) => line.err))).toContain("57P01");
    } finally {
      await admin.query("ROLLBACK");
      admin.release();
    }
  });
});
