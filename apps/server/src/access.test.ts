/** Access control over HTTP: who may call what, with cookies or tokens, and the set-up of a fresh installation. */
import { createTestDatabase } from "@flowcraft/db/testing";
import { randomBytes } from "node:crypto";
import { Approvals, BulkJobs, DEFAULT_RETENTION_DAYS, Drafts, Instances, Schedules, Secrets, Workflows, WorkflowRetention, Webhooks } from "@flowcraft/runtime";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "./accounts/access.ts";
import { PERMISSIONS, rolesWords, type Permission, type Role } from "@flowcraft/access";
import { may } from "./accounts/roles.ts";
import { accessServices } from "./accounts/services.ts";
import { buildApp } from "./app.ts";
import { startTestServer, type TestServer } from "./test-server.ts";
import { appRouter } from "./trpc/router.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

/** Each role alone, no role (a viewer), a designer who operates (test runs take both), and an admin. */
const ROLE_SETS: Role[][] = [[], ["designer"], ["operator"], ["approver"], ["designer", "operator"], ["admin"]];

/** Every change the REST API offers, with the permission it takes. */
const REST_MUTATIONS: Array<{ method: string; path: string; permission: Permission }> = [
  { method: "PUT", path: "/api/v1/workflows/guarded", permission: "design" },
  { method: "POST", path: "/api/v1/workflows/task-chain/start", permission: "operate" },
  { method: "POST", path: "/api/v1/workflows/task-chain/starts", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/events/go", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/terminate", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/suspend", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/resume", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/rerun", permission: "operate" },
  { method: "DELETE", path: "/api/v1/instances/nobody", permission: "operate" },
  { method: "POST", path: "/api/v1/workflows/task-chain/schedules", permission: "operate" },
  { method: "PUT", path: "/api/v1/schedules/nobody", permission: "operate" },
  { method: "DELETE", path: "/api/v1/schedules/nobody", permission: "operate" },
  { method: "POST", path: "/api/v1/schedules/nobody/pause", permission: "operate" },
  { method: "POST", path: "/api/v1/schedules/nobody/resume", permission: "operate" },
  { method: "POST", path: "/api/v1/schedules/nobody/trigger", permission: "operate" },
  { method: "POST", path: "/api/v1/schedules/nobody/backfill", permission: "operate" },
  { method: "POST", path: "/api/v1/instances/nobody/approvals/approval", permission: "approve" },
  { method: "POST", path: "/api/v1/instances/nobody/approvals/approval/links", permission: "administer" },
  { method: "POST", path: "/api/v1/workflows/task-chain/webhooks", permission: "webhooks" },
  { method: "PUT", path: "/api/v1/webhooks/nobody", permission: "webhooks" },
  { method: "POST", path: "/api/v1/webhooks/nobody/rotate", permission: "webhooks" },
  { method: "DELETE", path: "/api/v1/webhooks/nobody", permission: "webhooks" },
];

/** REST changes people make to their own account: anyone signed in may, an API token never (it has no password). */
const PERSONAL_REST_MUTATIONS: Array<{ method: string; path: string }> = [{ method: "POST", path: "/api/v1/auth/password" }];

const TRPC_MUTATIONS = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string; meta?: { need?: string } } }>)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path, procedure]) => ({ path, need: procedure._def.meta?.need }));

describe("who may change what", () => {
  it("every tRPC mutation names the permission it takes", () => {
    expect(TRPC_MUTATIONS.length).toBeGreaterThan(10);
    for (const { path, need } of TRPC_MUTATIONS) expect(Object.keys(PERMISSIONS), `${path} needs ${need}`).toContain(need);
  });

  it.each(ROLE_SETS.map((roles) => [roles.join("+") || "viewer", roles] as const))("as %s, every REST and tRPC change is refused with 403 exactly when the role lacks its permission, and a person's own changes only to a token", async (_name, roles) => {
    const principal = { kind: "token" as const, name: "t", roles, groups: [] };
    const headers = await server.tokenWith(roles);
    for (const { method, path, permission } of REST_MUTATIONS) {
      const { status, body } = await server.call(method, path, method === "DELETE" ? undefined : {}, headers);
      if (may(principal, permission)) expect(status, `${method} ${path}`).not.toBe(403);
      else {
        expect(status, `${method} ${path}`).toBe(403);
        expect(body.error.message).toMatch(new RegExp(`takes ${rolesWords(permission)}`));
      }
    }
    for (const { path, need } of TRPC_MUTATIONS) {
      const { status } = await server.call("POST", `/trpc/${path}`, {}, headers);
      if (may(principal, need as Permission)) expect(status, path).not.toBe(403);
      else expect(status, path).toBe(403);
    }
    const person = await server.signIn(`person-${roles.join("-") || "viewer"}`, roles);
    for (const { method, path } of PERSONAL_REST_MUTATIONS) {
      const refused = await server.call(method, path, {}, headers);
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.error.message).toMatch(/API token has no password/);
      // An empty body is refused for what it lacks, not for who sends it.
      expect((await server.call(method, path, {}, person)).status, `${method} ${path}`).toBe(400);
    }
    // Looking is everyone's.
    expect((await server.call("GET", "/api/v1/workflows", undefined, headers)).status).toBe(200);
    expect((await server.call("GET", "/trpc/instances.list?input=%7B%7D", undefined, headers)).status).toBe(200);
  });

  it("refuses callers without credentials with 401, and unknown or revoked tokens too", async () => {
    const anonymous = { cookie: "" };
    expect((await server.call("GET", "/api/v1/workflows", undefined, anonymous)).status).toBe(401);
    expect((await server.call("GET", "/trpc/workflows.list", undefined, anonymous)).status).toBe(401);
    expect((await server.call("GET", "/api/health", undefined, anonymous)).status).toBe(200);
    const unknown = await server.call("GET", "/api/v1/workflows", undefined, { authorization: "Bearer fc_nonsense" });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toMatch(/unknown or revoked/);
  });

  it("takes a change from a signed-in browser only with the session's CSRF token", async () => {
    const browser = await server.signIn("dora", ["designer"]);
    const definition = { version: 1, start: "done", nodes: { done: { type: "end" } } };
    const forged = await server.call("PUT", "/api/v1/workflows/csrf-checked", definition, { cookie: browser.cookie! });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/CSRF token/);
    expect((await server.call("GET", "/api/v1/workflows/csrf-checked", undefined, browser)).status).toBe(404);
    expect((await server.call("PUT", "/api/v1/workflows/csrf-checked", definition, browser)).body).toMatchObject({ version: 1, publishedBy: "dora" });
  });

  it("lets only the people or groups an approval step names decide it", async () => {
    const started = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start", { cost: 5000, product: "desk", quantity: 1 });
    const id = started.body.instanceId as string;
    await server.waitFor(id, (view) => view.runtimeStatus === "RUNNING");
    for (let i = 0; i < 200 && (await server.call("GET", `/api/v1/approvals?instanceId=${id}`)).body.approvals.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    const outsider = await server.call("POST", `/api/v1/instances/${id}/approvals/approval`, { decision: "approved" }, await server.signIn("ivan", ["approver"], ["engineering"]));
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe("ivan may not decide this approval: it is for group managers");
    const manager = await server.call("POST", `/api/v1/instances/${id}/approvals/approval`, { decision: "approved" }, await server.signIn("mara", ["approver"], ["managers"]));
    expect(manager.status).toBe(202);
    expect((await server.waitFor(id)).output).toBe("Approved by 'mara'");
    const audit = await server.call("GET", `/trpc/admin.audit.recent?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
    expect(audit.body.result.data).toContainEqual(expect.objectContaining({ actor: "mara", action: "approval.decided", target: `${id} approval`, details: expect.objectContaining({ decision: "approved" }) }));
  });

  it("lets an admin add people and hand out tokens, shown once and revocable, each change audited", async () => {
    const admin = await server.signIn("adam", ["admin"]);
    const mutate = (path: string, input: unknown) => server.call("POST", `/trpc/${path}`, input, admin);
    const created = await mutate("admin.accounts.create", { username: "nina", password: "nina's passphrase", roles: ["operator"], groups: ["ops"] });
    expect(created.body.result.data).toMatchObject({ username: "nina", roles: ["operator"], groups: ["ops"] });
    const token = (await mutate("admin.tokens.create", { name: "ci", roles: ["operator"] })).body.result.data as { token: { id: string }; secret: string };
    const listed = await server.call("GET", "/trpc/admin.tokens.list", undefined, admin);
    expect(JSON.stringify(listed.body)).not.toContain(token.secret);
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start", 1, { authorization: `Bearer ${token.secret}` })).status).toBe(202);
    await mutate("admin.tokens.revoke", { id: token.token.id });
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start", 1, { authorization: `Bearer ${token.secret}` })).status).toBe(401);
    const audit = (await server.call("GET", "/trpc/admin.audit.recent", undefined, admin)).body.result.data as Array<{ actor: string; action: string; target: string }>;
    expect(audit.filter((entry) => entry.actor === "adam").map((entry) => [entry.action, entry.target])).toEqual([
      ["token.revoked", "ci"],
      ["token.created", "ci"],
      ["account.created", "nina"],
    ]);
    const operator = await server.signIn("omar", ["operator"]);
    expect((await server.call("GET", "/trpc/admin.accounts.list", undefined, operator)).status).toBe(403);

    const secret = await mutate("admin.secrets.set", { name: "stripe", value: "sk_test_123456", hosts: ["api.stripe.com"] });
    expect(secret.body.result.data).toEqual({ name: "stripe", hosts: ["api.stripe.com"], updatedBy: "adam", updatedAt: expect.any(String) });
    const secrets = await server.call("GET", "/trpc/admin.secrets.list", undefined, admin);
    expect(secrets.body.result.data.map((s: { name: string }) => s.name)).toEqual(["stripe"]);
    expect(JSON.stringify(secrets.body)).not.toContain("sk_test_123456");
  });
});

describe("a fresh installation", () => {
  it("asks for its owner first, signs them in, then refuses a second set-up; wrong passwords are counted and then refused for a while", async () => {
    const db = await createTestDatabase();
    const access = accessServices(db, new Secrets(db, randomBytes(32)), 4);
    const app = await buildApp({ workflows: new Workflows(db), drafts: new Drafts(db), instances: new Instances(db), schedules: new Schedules(db, new Instances(db)), approvals: new Approvals(db), webhooks: new Webhooks(db, new Instances(db), access.secrets), retention: new WorkflowRetention(db, DEFAULT_RETENTION_DAYS), bulkJobs: new BulkJobs(db, new Instances(db)), access, pool: db.pool, bodyLimitBytes: 65_536 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(url + path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    try {
      expect(await (await fetch(`${url}/api/v1/auth/session`)).json()).toEqual({ needsSetup: true, account: null, csrfToken: null });
      expect((await fetch(`${url}/api/v1/workflows`)).status).toBe(401);

      const setup = await post("/api/v1/auth/setup", { username: "Olivia", password: "a long passphrase", displayName: "Olivia Owner" });
      expect(setup.status).toBe(201);
      const cookieLine = setup.headers.get("set-cookie")!;
      expect(cookieLine).toMatch(/^flowcraft_session=[^;]+;.*HttpOnly/i);
      expect(cookieLine).toMatch(/SameSite=Lax/i);
      const cookie = cookieLine.split(";")[0]!;
      const session = (await (await fetch(`${url}/api/v1/auth/session`, { headers: { cookie } })).json()) as { account: { username: string; roles: string[]; groups: string[] }; csrfToken: string };
      // In the group the example purchase order's approval is for: the owner may try it at once.
      expect(session.account).toMatchObject({ username: "olivia", roles: ["admin", "designer", "operator", "approver"], groups: ["managers"] });
      expect((await post("/api/v1/auth/setup", { username: "mallory", password: "another passphrase" })).status).toBe(409);

      for (let i = 0; i < 10; i++) expect((await post("/api/v1/auth/login", { username: "olivia", password: "not the password" })).status).toBe(401);
      const blocked = await post("/api/v1/auth/login", { username: "olivia", password: "a long passphrase" });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

      expect((await post("/api/v1/auth/logout", {}, { cookie })).status).toBe(403);
      expect((await post("/api/v1/auth/logout", {}, { cookie, [CSRF_HEADER]: session.csrfToken })).status).toBe(204);
      expect((await fetch(`${url}/api/v1/workflows`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
