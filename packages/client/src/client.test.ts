/** The client against a real server on real Postgres: waiting, paging, idempotent events, errors. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "@flowcraft/server/test-server";
import { createFlowcraftClient, FlowcraftError, type FlowcraftClient } from "./index.ts";

let server: TestServer;
let flowcraft: FlowcraftClient;

const echo = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };
const failing = { version: 1, start: "boom", nodes: { boom: { type: "fail", error: "OutOfStock", message: "'out of stock'" } } };
/** Takes two payments, one after the other, and ends with both. */
const twoPayments = {
  version: 1,
  start: "first",
  nodes: {
    first: { type: "wait", event: "payment", next: "second" },
    second: { type: "wait", event: "payment", next: "done" },
    done: { type: "end", output: "[steps.first, steps.second]" },
  },
};

beforeAll(async () => {
  server = await startTestServer();
  flowcraft = createFlowcraftClient({ url: server.url, token: server.auth.authorization!.replace("Bearer ", "") });
  for (const [name, definition] of Object.entries({ echo, failing, "two-payments": twoPayments })) {
    expect((await flowcraft.publish(name, definition)).created).toBe(true);
  }
});
afterAll(() => server.close());

describe("startAndWait", () => {
  it("gives the outcome of an instance that completes", async () => {
    const outcome = await flowcraft.startAndWait("echo", { order: 42 });
    expect(outcome).toMatchObject({ workflowName: "echo", runtimeStatus: "COMPLETED", output: { order: 42 } });
  });

  it("gives the failure of an instance that fails", async () => {
    const outcome = await flowcraft.startAndWait("failing", null, { instanceId: "failing-1" });
    expect(outcome.instanceId).toBe("failing-1");
    expect(outcome.runtimeStatus).toBe("FAILED");
    expect(outcome.failure?.message).toContain("out of stock");
  });

  it("gives up after the timeout, saying what the instance is doing", async () => {
    const waiting = flowcraft.startAndWait("two-payments", null, { instanceId: "never-paid", timeoutMs: 500 });
    await expect(waiting).rejects.toMatchObject({ code: "timeout", message: expect.stringMatching(/never-paid has not ended \(it is (RUNNING|PENDING)\)/) });
  });
});

describe("raiseEvent", () => {
  it("raises an event once however often it is retried with the same eventId", async () => {
    const { instanceId } = await flowcraft.start("two-payments");
    const first = await flowcraft.raiseEvent(instanceId, "payment", { amount: 10 }, { eventId: "payment-1" });
    const retried = await flowcraft.raiseEvent(instanceId, "payment", { amount: 10 }, { eventId: "payment-1" });
    expect(retried.eventId).toBe(first.eventId);
    // Had the retry counted, the second wait would have taken it and the instance ended.
    await expect(flowcraft.waitFor(instanceId, { timeoutMs: 1_500 })).rejects.toMatchObject({ code: "timeout" });
    await flowcraft.raiseEvent(instanceId, "payment", { amount: 20 }, { eventId: "payment-2" });
    expect((await flowcraft.waitFor(instanceId)).output).toEqual([{ amount: 10 }, { amount: 20 }]);
    const raised = (await flowcraft.history(instanceId)).filter((event) => event.type === "event_raised");
    expect(raised).toHaveLength(2);
  });
});

describe("instancePages", () => {
  it("follows the cursor over every page of the list", async () => {
    const ids = ["paged-1", "paged-2", "paged-3", "paged-4", "paged-5"];
    for (const id of ids) await flowcraft.start("echo", id, { instanceId: id });
    const pages = [];
    for await (const page of flowcraft.instancePages({ instanceId: "paged-", limit: 2, order: "oldest" })) pages.push(page);
    expect(pages.map((page) => page.instances?.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => page.instances!.map((instance) => instance.instanceId))).toEqual(ids);
  });
});

describe("errors", () => {
  it("carry the server's message and status", async () => {
    const error = await flowcraft.start("no-such-workflow").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowcraftError);
    expect(error).toMatchObject({ status: 404, code: "not_found", message: expect.stringContaining("no-such-workflow") });
  });

  it("carry every problem of a refused definition, by node and field", async () => {
    const error = await flowcraft.publish("broken", { version: 1, start: "a", nodes: { a: { type: "activity", activity: "nope", next: "b" } } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: "invalid" });
    expect((error as FlowcraftError).problems.map((p) => `${p.nodeId}.${p.field}`)).toEqual(expect.arrayContaining(["a.activity", "a.next"]));
  });

  it("say that a token was refused", async () => {
    const stranger = createFlowcraftClient({ url: server.url, token: "fc_not_a_token" });
    await expect(stranger.workflows()).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it("say that the server cannot be reached", async () => {
    const nowhere = createFlowcraftClient({ url: "http://127.0.0.1:9", token: "fc_x" });
    await expect(nowhere.workflows()).rejects.toMatchObject({ status: 0, code: "unreachable", message: expect.stringContaining("cannot reach http://127.0.0.1:9") });
  });
});
