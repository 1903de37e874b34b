/** `GET /api/v1/instances/{id}/watch`: an instance's history as server-sent events, on the real server. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

interface Message {
  id: string | undefined;
  event: string;
  data: any;
}

/** Reads the watch's messages until `done` says enough (or 20 s pass); keepalive comments are skipped. */
async function watch(path: string, done: (messages: Message[]) => boolean, headers: Record<string, string> = server.auth) {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 20_000);
  const response = await fetch(`${server.url}${path}`, { headers, signal: stop.signal });
  const messages: Message[] = [];
  try {
    if (!response.ok) return { response, messages, error: (await response.json()) as any };
    const decoder = new TextDecoder();
    let buffered = "";
    for await (const chunk of response.body!) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffered.indexOf("\n\n")) !== -1) {
        const lines = buffered.slice(0, end).split("\n");
        buffered = buffered.slice(end + 2);
        const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
        const data = field("data");
        if (data !== undefined) messages.push({ id: field("id"), event: field("event") ?? "message", data: JSON.parse(data) });
      }
      if (done(messages)) break;
    }
  } finally {
    clearTimeout(timer);
    stop.abort();
  }
  return { response, messages, error: null as any };
}

const typesOf = (messages: Message[]) => messages.flatMap((m) => m.data.events.map((e: any) => e.type));

describe("watching an instance", () => {
  it("pushes its history as it grows, each event once and in order, with the status after its events", async () => {
    const started = await server.call("POST", "/api/v1/workflows/purchase-order-approval/start?instanceId=watched-1", { product: "desk", quantity: 2, cost: 5000 });
    expect(started.status).toBe(202);
    // The order's approval is for a manager.
    const ann = await server.signIn("ann", ["approver"], ["managers"]);
    let raised = false;
    const { response, messages } = await watch("/api/v1/instances/watched-1/watch", (sofar) => {
      if (!raised && typesOf(sofar).includes("event_wait_started")) {
        raised = true;
        void server.call("POST", "/api/v1/instances/watched-1/approvals/approval", { decision: "approved" }, ann);
      }
      return typesOf(sofar).includes("execution_completed");
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(messages.length).toBeGreaterThan(1);
    const events = messages.flatMap((m) => m.data.events);
    expect(events.map((e: any) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events).toEqual((await server.call("GET", "/api/v1/instances/watched-1/history")).body.events);
    // Each message's id is the seq to resume after.
    expect(messages.map((m) => Number(m.id))).toEqual(messages.map((m) => m.data.seq));
    expect(messages[0]!.data.definition.nodes).toHaveProperty("approval");
    expect(messages.slice(1).some((m) => m.data.definition)).toBe(false);
    expect(messages.at(-1)!.data.instance).toMatchObject({ runtimeStatus: "COMPLETED", output: "Approved by 'ann'" });
  });

  it("resumes after the seq in afterSeq, or in Last-Event-ID when an EventSource reconnects", async () => {
    await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=watched-2", 1);
    await server.waitFor("watched-2");
    const [fromQuery] = (await watch("/api/v1/instances/watched-2/watch?afterSeq=3", (sofar) => sofar.length > 0)).messages;
    expect(fromQuery!.data.events[0].seq).toBe(4);
    const [fromHeader] = (await watch("/api/v1/instances/watched-2/watch", (sofar) => sofar.length > 0, { ...server.auth, "last-event-id": "5" })).messages;
    expect(fromHeader!.data.events[0].seq).toBe(6);
    // A resume point that is no seq starts over rather than failing.
    const [fresh] = (await watch("/api/v1/instances/watched-2/watch", (sofar) => sofar.length > 0, { ...server.auth, "last-event-id": "junk" })).messages;
    expect(fresh!.data.events[0].seq).toBe(1);
  });

  it("refuses an unknown instance, a bad afterSeq and a caller without credentials, with a message", async () => {
    const unknown = await watch("/api/v1/instances/nobody/watch", () => true);
    expect(unknown.response.status).toBe(404);
    expect(unknown.error.error.message).toMatch(/nobody/);
    const badSeq = await watch("/api/v1/instances/watched-2/watch?afterSeq=-1", () => true);
    expect(badSeq.response.status).toBe(400);
    expect(badSeq.error.error.message).toMatch(/afterSeq/);
    const anonymous = await watch("/api/v1/instances/watched-2/watch", () => true, {});
    expect(anonymous.response.status).toBe(401);
  });

  it("answers HEAD with the stream's headers and ends", async () => {
    const response = await fetch(`${server.url}/api/v1/instances/watched-2/watch`, { method: "HEAD", headers: server.auth, signal: AbortSignal.timeout(5_000) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
  });

  it("lets a viewer watch", async () => {
    const viewer = await server.tokenWith([]);
    const { response, messages } = await watch("/api/v1/instances/watched-2/watch", (sofar) => sofar.length > 0, viewer);
    expect(response.status).toBe(200);
    expect(messages[0]!.data.instance.instanceId).toBe("watched-2");
  });

  it("ends the stream when the instance is purged", async () => {
    await server.call("POST", "/api/v1/workflows/task-chain/start?instanceId=watched-3", 1);
    await server.waitFor("watched-3");
    const stop = new AbortController();
    const response = await fetch(`${server.url}/api/v1/instances/watched-3/watch`, { headers: server.auth, signal: stop.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the backlog
    expect((await server.call("DELETE", "/api/v1/instances/watched-3")).status).toBe(204);
    const timer = setTimeout(() => stop.abort(), 10_000);
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    clearTimeout(timer);
    expect(ended).toBe(true);
  });
});
