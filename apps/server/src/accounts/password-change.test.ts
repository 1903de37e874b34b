/** A person changing their own password over REST: who may, what is refused, and who stays signed in. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "./access.ts";
import { startTestServer, TEST_PASSWORD, type TestServer } from "../test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

const NEW_PASSWORD = "a fresh passphrase 456";

/** Signs in through the login route; the headers of that browser, or null when refused. */
async function login(username: string, password: string): Promise<{ status: number; headers: Record<string, string> | null }> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) return { status: response.status, headers: null };
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return { status: 200, headers: { cookie, [CSRF_HEADER]: csrfToken } };
}

const change = (headers: Record<string, string>, body: unknown) => server.call("POST", "/api/v1/auth/password", body, headers);
const isSignedIn = async (headers: Record<string, string>) => (await server.call("GET", "/api/v1/workflows", undefined, headers)).status === 200;

async function auditOf(username: string) {
  const answer = await server.call("GET", `/trpc/admin.audit.recent?input=${encodeURIComponent(JSON.stringify({ limit: 1_000 }))}`);
  return (answer.body.result.data as Array<{ actor: string; action: string; target?: string }>).filter((entry) => entry.target === username);
}

describe("changing one's own password", () => {
  it("refuses a wrong current password, saying so, and changes nothing", async () => {
    const browser = await server.signIn("wanda", []);
    const refused = await change(browser, { currentPassword: "not my password", newPassword: NEW_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("the current password is wrong");
    expect((await login("wanda", TEST_PASSWORD)).status).toBe(200);
    expect((await login("wanda", NEW_PASSWORD)).status).toBe(401);
    expect(await isSignedIn(browser)).toBe(true);
    expect(await auditOf("wanda")).toEqual([]);
  });

  it("refuses a new password that breaks the rules or equals the current one, naming why", async () => {
    const browser = await server.signIn("rudi", []);
    const short = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe("password must be at least 10 characters long");
    const same = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe("the new password must differ from the current one");
    const extra = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, username: "owner" });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toMatch(/username/);
    expect((await change(browser, { newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await login("rudi", TEST_PASSWORD)).status).toBe(200);
  });

  it("stores the new password, keeps the caller signed in, signs the account's other sessions out, and audits the change", async () => {
    const browser = await server.signIn("cara", ["operator"]);
    const elsewhere = (await login("cara", TEST_PASSWORD)).headers!;
    const someoneElse = await server.signIn("dirk", []);

    const changed = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(204);
    expect(changed.body).toBeUndefined();

    expect((await login("cara", TEST_PASSWORD)).status).toBe(401);
    expect((await login("cara", NEW_PASSWORD)).status).toBe(200);
    expect(await isSignedIn(browser)).toBe(true);
    // Changes still go through with the same session and CSRF token.
    expect((await server.call("POST", "/api/v1/workflows/task-chain/start", 1, browser)).status).toBe(202);
    expect((await server.call("GET", "/api/v1/workflows", undefined, elsewhere)).status).toBe(401);
    expect(await isSignedIn(someoneElse)).toBe(true);
    expect(await auditOf("cara")).toEqual([expect.objectContaining({ actor: "cara", action: "account.password_changed", target: "cara" })]);
  });

  it("is for people only: an API token is refused with 403, no credentials with 401, a cookie without its CSRF token with 403", async () => {
    const token = await change(await server.tokenWith(["admin"]), { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(token.status).toBe(403);
    expect(token.body.error.message).toMatch(/API token has no password/);
    expect((await change({ cookie: "" }, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
    const browser = await server.signIn("erin", []);
    const forged = await change({ cookie: browser.cookie! }, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(forged.status).toBe(403);
    expect(forged.body.error.message).toMatch(/CSRF token/);
    expect((await login("erin", TEST_PASSWORD)).status).toBe(200);
  });

  it("counts wrong current passwords with wrong sign-ins, and then refuses both for a while with 429 and Retry-After", async () => {
    const browser = await server.signIn("gus", []);
    for (let i = 0; i < 10; i++) expect((await change(browser, { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).status).toBe(403);
    const blocked = await change(browser, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/too many failed password attempts; try again in \d+ s/);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // The same limit as signing in: guessing here does not reset it there.
    expect((await login("gus", TEST_PASSWORD)).status).toBe(429);
    expect(await isSignedIn(browser)).toBe(true);
  });
});
