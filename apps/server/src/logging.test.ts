/**
 * The server's log: one JSON line per request, and every 5xx as an error with its cause and the
 * request it answered, without the tokens, cookies, CSRF tokens, passwords or approval links that
 * callers sent.
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { Approvals, BulkJobs, DEFAULT_RETENTION_DAYS, Drafts, Instances, Schedules, Secrets, Workflows, WorkflowRetention, Webhooks } from "@flowcraft/runtime";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "./accounts/access.ts";
import { accessServices } from "./accounts/services.ts";
import { buildApp } from "./app.ts";
import { createLogger } from "./logging.ts";

/** Pino's number for the error level. */
const ERROR = 50;

let db: TestDatabase;
let app: FastifyInstance;
let url: string;
let token: string;
const lines: Array<Record<string, any>> = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const secrets = new Secrets(db, randomBytes(32));
  const access = accessServices(db, secrets, 4);
  const workflows = new Workflows(db);
  // A failure the server does not expect, as a bug or a full disk would cause.
  workflows.list = () => Promise.reject(new Error("the disk is on fire"));
  app = await buildApp({
    workflows,
    drafts: new Drafts(db),
    instances: new Instances(db),
    schedules: new Schedules(db, new Instances(db)),
    approvals: new Approvals(db),
    webhooks: new Webhooks(db, new Instances(db), secrets),
    retention: new WorkflowRetention(db, DEFAULT_RETENTION_DAYS),
    bulkJobs: new BulkJobs(db, new Instances(db)),
    access,
    pool: db.pool,
    bodyLimitBytes: 65_536,
    log: createLogger({ level: "info", stream: { write: (line: string) => void lines.push(JSON.parse(line)) } }),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await access.accounts.setupOwner({ username: "owner", password: "the owner's password" });
  token = (await access.tokens.create({ name: "logged", roles: ["admin"] }, "owner")).secret;
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const SECRETS = { cookie: "flowcraft_session=cookie-secret-4711", csrf: "csrf-secret-0815", password: "hunter2 hunter2", link: "link-secret-1234", hook: "hook-secret-9876" };

describe("the log", () => {
  it("records each 5xx as an error with its cause and request, and keeps every secret out", async () => {
    const headers = { authorization: `Bearer ${token}`, cookie: SECRETS.cookie, [CSRF_HEADER]: SECRETS.csrf };
    const rest = await fetch(`${url}/api/v1/workflows`, { headers });
    expect(rest.status).toBe(500);
    expect(((await rest.json()) as { error: unknown }).error).toEqual({ code: "internal", message: "the server failed to handle this request; it has been logged" });
    expect((await fetch(`${url}/trpc/workflows.list`, { headers })).status).toBe(500);
    const signIn = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json", cookie: SECRETS.cookie }, body: JSON.stringify({ username: "owner", password: SECRETS.password }) });
    expect(signIn.status).toBe(401);
    expect((await fetch(`${url}/approval-links/${SECRETS.link}`)).status).toBe(400);
    expect((await fetch(`${url}/hooks/some-hook/${SECRETS.hook}`, { method: "POST" })).status).toBe(404);
    await app.close();

    const errors = lines.filter((line) => line.level === ERROR);
    expect(errors).toHaveLength(2);
    for (const line of errors) {
      expect(line.err).toMatchObject({ message: "the disk is on fire", stack: expect.stringContaining("Error: the disk is on fire") });
      expect(line.req).toMatchObject({ method: "GET", headers: { authorization: "[redacted]", cookie: "[redacted]", [CSRF_HEADER]: "[redacted]" } });
      expect(line.reqId).toEqual(expect.any(String));
    }
    expect(errors.map((line) => line.req.url)).toEqual(["/api/v1/workflows", "/trpc/workflows.list"]);

    const completed = lines.filter((line) => line.msg === "request completed");
    expect(completed.map((line) => [line.method, line.url, line.statusCode])).toEqual([
      ["GET", "/api/v1/workflows", 500],
      ["GET", "/trpc/workflows.list", 500],
      ["POST", "/api/v1/auth/login", 401],
      ["GET", "/approval-links/[redacted]", 400],
      ["POST", "/hooks/some-hook/[redacted]", 404],
    ]);

    const logged = JSON.stringify(lines);
    for (const secret of [token, ...Object.values(SECRETS).map((value) => value.replace("flowcraft_session=", ""))]) expect(logged).not.toContain(secret);
  });
});
