import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRuntime, waitForInstance, type TestRuntime } from "./test-helpers.ts";

let rt: TestRuntime;
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((_request, response) => response.end("pong"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rt = await createTestRuntime();
  // The worker's allowlist names this test's loopback server, and nothing else.
  await rt.startWorker(undefined, { httpAllow: ["127.0.0.1"] });
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
    expect(rows.map((r) => r.type)).toEqual(["execution_started", "activity_scheduled", "activity_started", "activity_failed", "execution_failed"]);
  });
});
