import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Secrets } from "./secrets/secrets.ts";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((_request, response) => response.end("pong"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rt = await createTestRuntime();
  const secrets = new Secrets(rt.db, randomBytes(32));
  await secrets.set("api_user", "user-from-a-secret", ["127.0.0.1"], "ada");
  await secrets.set("api_password", "password-from-a-secret", ["127.0.0.1"], "ada");
  // The worker's allowlist names this test's loopback server, and nothing else.
  await rt.startWorker(undefined, { httpAllow: ["127.0.0.1"], secrets });
}, 60_000);

afterAll(async () => {
  await rt.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("http steps on a real database", () => {
  it("reach a host the worker's allowlist names", async () => {
    await rt.workflows.publish("ping", { version: 1, start: "call", nodes: { call: { type: "activity", activity: "http", input: "{'url': input}" } } });
    const { instanceId } = await rt.instances.start("ping", `${base}/ping`);
    expect(await waitForInstance(rt.instances, instanceId)).toMatchObject({ runtimeStatus: "COMPLETED", output: { status: 200, body: "pong" } });
  });

  it("fail at once on a refused address, without the retries their policy allows", async () => {
    await rt.workflows.publish("metadata", {
      version: 1,
      start: "call",
      nodes: { call: { type: "activity", activity: "http", input: "{'url': input}", retry: { maxAttempts: 5, firstInterval: 0.05 } } },
    });
    const { instanceId } = await rt.instances.start("metadata", "http://169.254.169.254/latest/meta-data");
    const failed = await waitForInstance(rt.instances, instanceId);
    expect(failed).toMatchObject({
      runtimeStatus: "FAILED",
      failure: {
        name: "HttpRefused",
        attempts: 1,
        message: "http GET http://169.254.169.254/latest/meta-data refused: 169.254.169.254 is a link-local address; allow it with FLOWCRAFT_HTTP_ALLOW",
      },
    });
    const { rows } = await rt.db.pool.query("SELECT type FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
    expect(rows.map((r) => r.type)).toEqual(["execution_started", "activity_scheduled", "activity_failed", "execution_failed"]);
  });

  it("keep credentials in a URL out of failures and history", async () => {
    await rt.workflows.publish("with-credentials", { version: 1, start: "call", nodes: { call: { type: "activity", activity: "http", input: "{'url': input}" } } });
    const host = new URL(base).host;
    const fromSecrets = await rt.instances.start("with-credentials", `http://{{secret:api_user}}:{{secret:api_password}}@${host}/`);
    const literal = await rt.instances.start("with-credentials", `http://alice:hunter2@${host}/`);
    const history = async (instanceId: string, types: string[] | null) => {
      await waitForInstance(rt.instances, instanceId);
      const { rows } = await rt.db.pool.query("SELECT type, data FROM history_event WHERE instance_id = $1 ORDER BY seq", [instanceId]);
      return JSON.stringify(rows.filter((row) => types === null || types.includes(row.type)));
    };
    // Secrets never reach history; credentials written into the input stay in the input as given, and only there.
    expect(await history(fromSecrets.instanceId, null)).not.toMatch(/from-a-secret/);
    expect(await history(literal.instanceId, ["activity_failed", "execution_failed"])).not.toMatch(/alice|hunter2/);
    for (const { instanceId } of [fromSecrets, literal]) {
      expect((await rt.instances.get(instanceId)).failure).toMatchObject({
        name: "InvalidInput",
        message: `http url http://***@${host}/ holds a user name or password, which are not sent from a URL: send them in an authorization header, e.g. as a {{secret:<name>}}`,
      });
    }
  });
});
