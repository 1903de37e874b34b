/** The reference patterns, each run through the REST API on a real database. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
let running = 0;
let mostRunning = 0;

beforeAll(async () => {
  server = await startTestServer({
    activities: {
      // Slow enough that parallel items overlap, so the concurrency limit is observable.
      process_work_item: async (input) => {
        running++;
        mostRunning = Math.max(mostRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 40));
        running--;
        return (input as number) * 2;
      },
    },
    // job-monitor polls a status server of this test on loopback.
    httpAllow: ["127.0.0.1"],
  });
});

afterAll(() => server.close());

async function start(workflow: string, input: unknown, instanceId?: string) {
  const query = instanceId ? `?instanceId=${instanceId}` : "";
  const response = await server.call("POST", `/api/v1/workflows/${workflow}/start${query}`, input === undefined ? undefined : JSON.stringify(input));
  expect(response.status).toBe(202);
  return response.body.instanceId as string;
}

async function historyOf(id: string) {
  return (await server.call("GET", `/api/v1/instances/${id}/history`)).body.events as Array<Record<string, any>>;
}

describe("task-chain", () => {
  it("chains +1, ×2 and squared: input 1 gives [2, 4, 16]", async () => {
    const done = await server.waitFor(await start("task-chain", 1));
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: [2, 4, 16] });
  });

  it("an input that is not a number fails a step, runs the error handler, and fails with that error", async () => {
    const id = await start("task-chain", "abc");
    const done = await server.waitFor(id);
    expect(done.runtimeStatus).toBe("FAILED");
    expect(done.failure).toMatchObject({ node: "step1", message: 'add_one expects a number, got "abc"' });
    const handler = (await historyOf(id)).filter((e) => e.activityId === "errorHandler").map((e) => e.type);
    expect(handler).toEqual(["activity_scheduled", "activity_completed"]);
  });
});

describe("fan-out-fan-in", () => {
  it("input 10 doubles [1..10] in parallel, at most 5 at once, and sums to 110", async () => {
    const id = await start("fan-out-fan-in", 10);
    const done = await server.waitFor(id);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: 110, customStatus: { processed: 10 } });
    expect(mostRunning).toBe(5);
    const items = (await historyOf(id)).filter((e) => e.type === "activity_completed" && e.activityId.startsWith("processItems["));
    expect(items).toHaveLength(10);
  });
});

describe("purchase-order-approval", () => {
  it("auto-approves an order under 1000", async () => {
    const done = await server.waitFor(await start("purchase-order-approval", { cost: 500, product: "paper", quantity: 10 }));
    expect(done.output).toBe("Auto-approved");
  });

  it("waits for a manager other than who placed the order, who approves by raising approval_received and is recorded as the approver", async () => {
    // A manager places the order, so only another manager may approve it.
    const placer = await server.signIn("paula", ["operator", "approver"], ["managers"]);
    const started = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start", { cost: 5000, product: "laptops", quantity: 3 }, placer);
    const id = started.body.instanceId as string;
    await server.waitFor(id, (v) => v.customStatus === "Waiting for approval");
    const wait = (await historyOf(id)).find((e) => e.type === "event_wait_started");
    expect(wait).toMatchObject({ event: "approval_received", approval: { summary: "laptops × 3 for 5000", groups: ["managers"], excludeStarter: true } });
    // Without approvalTimeoutSeconds the approver has 24 hours.
    const hours = (Date.parse(wait!.timeoutAt) - Date.parse(wait!.at)) / 3_600_000;
    expect(hours).toBeCloseTo(24, 3);

    const raise = (payload: unknown, as?: Record<string, string>) => server.call("POST", `/api/v1/instances/${id}/events/approval_received`, payload, as);
    // Naming someone in the payload makes no one an approver.
    const named = await raise({ decision: "approved", approver: "Jane Doe" });
    expect(named.status).toBe(403);
    expect(named.body.error.message).toBe("token:test may not decide this approval: it is for group managers");
    const ownOrder = await raise({ decision: "approved" }, placer);
    expect(ownOrder.status).toBe(403);
    expect(ownOrder.body.error.message).toMatch(/paula started this instance/);

    const jane = await server.signIn("jane", ["operator", "approver"], ["managers"]);
    const approved = await raise({ decision: "approved", comment: "within budget" }, jane);
    expect(approved.status).toBe(202);
    expect(approved.body.decided).toMatchObject({ waitId: "approval", decision: "approved", approver: "jane", comment: "within budget" });
    // The custom status ends as the order's outcome, no longer "Waiting for approval".
    expect(await server.waitFor(id)).toMatchObject({ output: "Approved by 'jane'", customStatus: "Approved" });
    expect((await historyOf(id)).find((e) => e.type === "event_raised")).toMatchObject({ raisedBy: "jane", waitId: "approval", payload: { approver: "jane" } });
  });

  it("is cancelled when no approval arrives within approvalTimeoutSeconds", async () => {
    const id = await start("purchase-order-approval", { cost: 5000, product: "desks", quantity: 2, approvalTimeoutSeconds: 1 });
    const done = await server.waitFor(id);
    expect(done).toMatchObject({ output: "Cancelled", customStatus: "Cancelled" });
    const late = await server.call("POST", `/api/v1/instances/${id}/events/approval_received`, { approver: "Too Late" });
    expect(late.status).toBe(409);
  });
});

describe("job-monitor", () => {
  let statusServer: Server;
  let base = "";
  const statuses = ["healthy", "unhealthy", "unhealthy", "healthy", "unhealthy"];
  let checks = 0;
  const alerts: unknown[] = [];

  beforeAll(async () => {
    statusServer = createServer((request, response) => {
      if (request.url === "/status") {
        response.setHeader("content-type", "application/json");
        response.end(JSON.stringify({ status: statuses[checks++ % statuses.length] }));
        return;
      }
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        alerts.push(JSON.parse(body));
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => statusServer.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(statusServer.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => statusServer.close(() => resolve())));

  it("polls, alerts once when the job turns unhealthy, continues as new, and stops after maxChecks", async () => {
    const id = await start("job-monitor", {
      jobId: "job-7",
      statusUrl: `${base}/status`,
      alertUrl: `${base}/alert`,
      healthyIntervalSeconds: 0.2,
      unhealthyIntervalSeconds: 0.1,
      maxChecks: 4,
    });
    const done = await server.waitFor(id);
    expect(done).toMatchObject({ runtimeStatus: "COMPLETED", output: { checks: 4, healthy: true, alerts: 1 }, generation: 4 });
    expect(checks).toBe(4);
    expect(alerts).toEqual([{ jobId: "job-7", message: "Job 'job-7' is unhealthy!" }]);
    const events = await historyOf(id);
    expect(events.filter((e) => e.type === "continued_as_new")).toHaveLength(3);
    // Each generation replays only its own short history.
    const perGeneration = new Map<number, number>();
    for (const e of events) perGeneration.set(e.generation, (perGeneration.get(e.generation) ?? 0) + 1);
    expect([...perGeneration.keys()]).toEqual([1, 2, 3, 4]);
    expect(Math.max(...perGeneration.values())).toBeLessThan(15);
  });
});

describe("async-http", () => {
  it("a caller starts with POST, gets 202 and a Location, and polls it until the result is there", async () => {
    const started = await fetch(`${server.url}/api/v1/workflows/async-http/start?instanceId=order-12345678`, {
      method: "POST",
      headers: { "content-type": "application/json", ...server.auth },
      body: JSON.stringify({ Name: "Paperclips", Quantity: 1, TotalCost: 9.95, ProcessingSeconds: 1 }),
    });
    expect(started.status).toBe(202);
    expect(await started.json()).toMatchObject({ instanceId: "order-12345678" });
    const location = started.headers.get("location")!;
    expect(location).toBe("/api/v1/instances/order-12345678");

    const seen = new Set<string>();
    let status: Record<string, any> = {};
    for (let polls = 0; polls < 400; polls++) {
      const response = await fetch(server.url + location, { headers: server.auth });
      expect(response.status).toBe(200);
      status = (await response.json()) as Record<string, any>;
      seen.add(status.runtimeStatus);
      if (status.runtimeStatus === "COMPLETED" || status.runtimeStatus === "FAILED") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen.has("RUNNING")).toBe(true);
    expect(status).toMatchObject({
      instanceId: "order-12345678",
      workflowName: "async-http",
      runtimeStatus: "COMPLETED",
      input: { Name: "Paperclips", Quantity: 1, TotalCost: 9.95 },
      output: { Processed: true, Name: "Paperclips" },
      customStatus: "Done",
    });
  });
});
