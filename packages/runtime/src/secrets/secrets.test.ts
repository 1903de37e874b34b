/** Secrets on a real database, sent by http steps to the hosts they are bound to and nowhere else. */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "../test-helpers.ts";
import { Secrets } from "./secrets.ts";

const API_KEY = "sk_live_7f3a9c";
let rt: TestRuntime;
let secrets: Secrets;
let server: Server;
let port = 0;
const received: IncomingMessage[] = [];

beforeAll(async () => {
  // Answers whether the key arrived, without echoing it; /hop redirects to the same server by another name.
  server = createServer((request, response) => {
    received.push(request);
    if (request.url?.startsWith("/hop")) {
      response.writeHead(302, { location: `http://localhost:${port}/checked` }).end();
      return;
    }
    const sent = request.headers["x-api-key"] ?? new URL(request.url!, "http://x").searchParams.get("key");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keyMatched: sent === API_KEY, keySent: sent !== undefined && sent !== null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  rt = await createTestRuntime();
  secrets = new Secrets(rt.db, randomBytes(32));
  await secrets.set("billing", API_KEY, ["127.0.0.1"], "ada");
  await secrets.set("elsewhere", "not for this host", ["api.example.com"], "ada");
  await rt.startWorker(undefined, { httpAllow: ["127.0.0.1", "localhost"], secrets });
  await rt.workflows.publish("call", {
    version: 1,
    start: "call",
    nodes: { call: { type: "activity", activity: "http", input: "input", retry: { maxAttempts: 3, firstInterval: 0.05 } } },
  });
}, 60_000);

afterAll(async () => {
  await rt.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function run(input: unknown) {
  const { instanceId } = await rt.instances.start("call", input as never);
  const view = await waitForInstance(rt.instances, instanceId);
  const history = JSON.stringify(await rt.instances.history(instanceId));
  return { view, history };
}

describe("secrets", () => {
  it("are stored encrypted, listed without their values, and bound to the name they were stored under", async () => {
    const { rows } = await rt.db.pool.query("SELECT name, ciphertext FROM secret ORDER BY name");
    expect(JSON.stringify(rows)).not.toContain(API_KEY);
    expect(await secrets.list()).toEqual([
      { name: "billing", hosts: ["127.0.0.1"], updatedBy: "ada", updatedAt: expect.any(String) },
      { name: "elsewhere", hosts: ["api.example.com"], updatedBy: "ada", updatedAt: expect.any(String) },
    ]);
    await rt.db.pool.query("INSERT INTO secret (name, ciphertext, hosts, updated_by) SELECT 'copied', ciphertext, hosts, 'eve' FROM secret WHERE name = 'billing'");
    await expect(secrets.resolve("copied")).rejects.toThrow(/does not decrypt/);
    await expect(new Secrets(rt.db, randomBytes(32)).resolve("billing")).rejects.toThrow(/does not decrypt/);
    await expect(secrets.set("no hosts", "x", [], "ada")).rejects.toThrow(/secret name|at least one host/);
  });

  it("fill an http step's header and query for a bound host; history keeps only the placeholder", async () => {
    const header = await run({ url: `http://127.0.0.1:${port}/checked`, headers: { "x-api-key": "{{secret:billing}}" } });
    expect(header.view.output).toMatchObject({ status: 200, body: { keyMatched: true } });
    const query = await run({ url: `http://127.0.0.1:${port}/checked?key={{secret:billing}}` });
    expect(query.view.output).toMatchObject({ body: { keyMatched: true } });
    for (const { history } of [header, query]) {
      expect(history).not.toContain(API_KEY);
      expect(history).toMatch(/secret:billing/);
    }
  });

  it("are never sent to a host they are not bound to, a redirect's included; such a step fails at once", async () => {
    const before = received.length;
    const wrongHost = await run({ url: `http://127.0.0.1:${port}/checked`, headers: { "x-api-key": "{{secret:elsewhere}}" } });
    expect(wrongHost.view).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "SecretRefused", attempts: 1, message: expect.stringContaining('"elsewhere" is bound to api.example.com, not to 127.0.0.1') } });
    expect(received.length).toBe(before);

    const redirected = await run({ url: `http://127.0.0.1:${port}/hop`, headers: { "x-api-key": "{{secret:billing}}" } });
    expect(redirected.view).toMatchObject({ runtimeStatus: "FAILED", failure: { name: "SecretRefused", message: expect.stringContaining("not to localhost") } });
    expect(received.length).toBe(before + 1);

    const unknown = await run({ url: `http://127.0.0.1:${port}/checked`, headers: { authorization: "Bearer {{secret:nope}}" } });
    expect(unknown.view.failure).toMatchObject({ name: "SecretRefused", message: 'http step uses the secret "nope", which does not exist' });
  });
});
