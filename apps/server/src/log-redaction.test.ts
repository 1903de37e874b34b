/**
 * The log of a real server and its worker, captured: requests carry their id, runtime lines the
 * instance, step and worker they are about, and no credential gets in, whatever carried it (a
 * header, a URL, a failed sign-in, a forged webhook delivery, an http step's secret, any field).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signatureHeaders } from "@flowcraft/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logging.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

/** Pino's number for the warn level. */
const WARN = 40;

let server: TestServer;
let target: Server;
let targetUrl: string;
const lines: Array<Record<string, any>> = [];
const log = createLogger({ level: "debug", stream: { write: (line: string) => void lines.push(JSON.parse(line)) } });

/** Every credential the test hands out; none may appear in any line. */
const SECRETS = {
  header: "sk_live_header_secret_5531",
  // A line break: the request library refuses the header and quotes its value in its error.
  unsendable: "sk_live_broken_7782\nsecond line",
  signing: "whsec_signing-secret-for-the-hook-0042",
  password: "the wrong password 9913",
};

beforeAll(async () => {
  target = createServer((_request, response) => {
    response.statusCode = 500;
    response.end("upstream failed");
  });
  await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  server = await startTestServer({ log, httpAllow: ["127.0.0.1"] });
  await server.access.secrets.set("upstream", SECRETS.header, ["127.0.0.1"], "owner");
  await server.access.secrets.set("unsendable", SECRETS.unsendable, ["127.0.0.1"], "owner");
  const call = { type: "activity", activity: "http", input: "input", retry: { maxAttempts: 1 } };
  expect((await server.call("PUT", "/api/v1/workflows/call-upstream", { version: 1, start: "call", nodes: { call } })).status).toBe(201);
}, 60_000);
afterAll(async () => {
  await server.close();
  target.close();
});

const logged = () => JSON.stringify(lines);

describe("the log of requests", () => {
  it("takes a sane X-Request-Id, echoes it and puts it on the request's lines; makes one up for any other", async () => {
    const given = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": "deploy-check.42:a" } });
    expect(given.headers.get("x-request-id")).toBe("deploy-check.42:a");
    expect(lines.find((line) => line.msg === "request completed" && line.reqId === "deploy-check.42:a")).toMatchObject({ url: "/api/health", statusCode: 200 });

    for (const strange of ["two words", "x".repeat(129), "a/b", '{"level":60}']) {
      const answer = await fetch(`${server.url}/api/health`, { headers: { "x-request-id": strange } });
      expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
    const made = await fetch(`${server.url}/api/health`);
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((line) => line.reqId === id)).toHaveLength(1);
  });

  it("keeps API tokens out, in a URL's query as in any field of a line", async () => {
    const token = server.auth.authorization!.replace("Bearer ", "");
    expect((await fetch(`${server.url}/api/v1/instances/nothing-here?access_token=${token}`, { headers: server.auth })).status).toBe(404);
    expect(lines.find((line) => line.msg === "request completed" && line.statusCode === 404)?.url).toBe("/api/v1/instances/nothing-here?access_token=fc_[redacted]");
    log.warn({ context: { apiToken: token, note: `called with ${token}`, headers: { authorization: `Bearer ${token}` } } }, `token ${token} used`);
    log.error({ err: new Error(`refused ${token}`, { cause: new Error(`because of ${token}`) }) }, "with a cause");
    const [field, error] = lines.slice(-2);
    expect(field).toMatchObject({ msg: "token fc_[redacted] used", context: { apiToken: "[redacted]", note: "called with fc_[redacted]", headers: { authorization: "[redacted]" } } });
    expect(error!.err).toMatchObject({ message: "refused fc_[redacted]: because of fc_[redacted]", stack: expect.stringContaining("refused fc_[redacted]") });
    expect(logged()).not.toContain(token);
  });

  it("keeps a failed sign-in's password and a forged webhook delivery's secrets out", async () => {
    const signIn = await fetch(`${server.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "owner", password: SECRETS.password }) });
    expect(signIn.status).toBe(401);

    const created = await server.call("POST", "/api/v1/workflows/call-upstream/webhooks", { kind: "start", signature: "github", signingSecret: SECRETS.signing });
    expect(created.status).toBe(201);
    const made = await server.call("POST", "/api/v1/workflows/call-upstream/webhooks", { kind: "start", signature: "stripe" });
    expect(made.body.signingSecret).toMatch(/^whsec_/);
    const hookUrl = created.body.url as string;
    const hookToken = hookUrl.split("/").at(-1)!;
    const body = JSON.stringify({ url: targetUrl });
    const forged = await fetch(hookUrl, { method: "POST", headers: { "content-type": "application/json", ...signatureHeaders("github", "not the secret", body) }, body });
    expect(forged.status).toBe(401);
    expect(lines.find((line) => line.msg === "request completed" && line.statusCode === 401 && String(line.url).startsWith("/hooks/"))?.url).toMatch(/^\/hooks\/[^/]+\/\[redacted\]$/);

    const text = logged();
    for (const secret of [SECRETS.password, SECRETS.signing, made.body.signingSecret as string, hookToken]) expect(text).not.toContain(secret);
  });
});

describe("the log of the runtime", () => {
  it("says which instance, step, attempt and worker an http step failed in, without the secrets it sent", async () => {
    const failedWith = async (headers: Record<string, string>) => {
      const started = await server.call("POST", "/api/v1/workflows/call-upstream/start", { url: `${targetUrl}/charge`, headers }, { ...server.auth, "x-request-id": `start-${Object.keys(headers)[0]}` });
      expect(started.status).toBe(202);
      const id = started.body.instanceId as string;
      expect(await server.waitFor(id)).toMatchObject({ runtimeStatus: "FAILED" });
      return id;
    };
    const answered500 = await failedWith({ authorization: "Bearer {{secret:upstream}}" });
    const unsendable = await failedWith({ "x-api-key": "{{secret:unsendable}}" });

    const attemptLine = (instanceId: string) => lines.find((line) => line.level === WARN && line.instanceId === instanceId);
    expect(attemptLine(answered500)).toMatchObject({
      instanceId: answered500,
      node: "call",
      activity: "http",
      attempt: 1,
      worker: expect.any(String),
      error: { name: "HttpError", message: `http GET ${targetUrl}/charge answered 500` },
      msg: `activity attempt failed: http GET ${targetUrl}/charge answered 500`,
    });
    expect(attemptLine(unsendable)).toMatchObject({ node: "call", activity: "http", attempt: 1, error: { name: "HttpError", message: expect.stringContaining("[secret unsendable]") } });
    // The request that started it is on its own lines, by the id it came with.
    expect(lines.find((line) => line.msg === "request completed" && line.reqId === "start-authorization")).toMatchObject({ url: "/api/v1/workflows/call-upstream/start", statusCode: 202 });

    const text = logged();
    for (const secret of [SECRETS.header, "sk_live_broken_7782"]) expect(text).not.toContain(secret);
  });
});
