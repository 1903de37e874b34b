/**
 * Webhooks on a real server over Postgres: signed and unsigned requests from outside, mapped to
 * instance inputs and events, refused (and counted) when forged, stale, replayed or too large,
 * and idempotent on a delivery id.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signatureHeaders } from "@flowcraft/runtime";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
const SECRET = "it's a secret to everybody";

/** Echoes its input as its output. */
const echo = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };
/** Waits for a payment to be reported, then ends with it. */
const awaitingPayment = { version: 1, start: "paid", nodes: { paid: { type: "wait", event: "payment_received", next: "done" }, done: { type: "end", output: "steps.paid" } } };

beforeAll(async () => {
  server = await startTestServer({ webhookRequestsPerMinute: 30 });
  expect((await server.call("PUT", "/api/v1/workflows/echo", echo)).status).toBe(201);
  expect((await server.call("PUT", "/api/v1/workflows/order", awaitingPayment)).status).toBe(201);
}, 60_000);
afterAll(() => server.close());

interface Created {
  id: string;
  url: string;
  signingSecret?: string;
}

async function createHook(settings: Record<string, unknown>, workflow = "echo"): Promise<Created> {
  const created = await server.call("POST", `/api/v1/workflows/${workflow}/webhooks`, settings);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { id: created.body.webhook.id, url: created.body.url, signingSecret: created.body.signingSecret };
}

/** Sends a request as an outside system would: no credentials but the URL (and a signature). */
async function send(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const refusalsOf = async (id: string) => (await server.call("GET", `/api/v1/webhooks/${id}`)).body.refusals;
const instanceCount = async (workflow: string) => (await server.call("GET", `/api/v1/instances?workflowName=${workflow}&limit=200`)).body.instances.length;

describe("a GitHub-style signed webhook", () => {
  it("starts an instance for a correctly signed body, with the body as its input", async () => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    const body = JSON.stringify({ action: "opened", number: 7 });
    const answer = await send(hook.url, body, signatureHeaders("github", SECRET, body));
    expect(answer.status).toBe(202);
    const ended = await server.waitFor(answer.body.instanceId);
    expect(ended).toMatchObject({ runtimeStatus: "COMPLETED", output: { action: "opened", number: 7 }, startedBy: `webhook:${hook.id}` });
  });

  it.each([
    ["no signature", {}, "no X-Hub-Signature-256 header"],
    ["a signature of another body", signatureHeaders("github", SECRET, "{}"), "does not match the body"],
    ["a signature made with another secret", signatureHeaders("github", "another secret", '{"a":1}'), "does not match the body"],
    ["a malformed signature", { "x-hub-signature-256": "sha1=abc" }, "sha256=<64 hex digits>"],
  ])("refuses %s with 401, starts nothing, and counts the refusal", async (_case, headers, reason) => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    const before = await instanceCount("echo");
    const answer = await send(hook.url, '{"a":1}', headers);
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toContain(reason);
    expect(await instanceCount("echo")).toBe(before);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 1, last: { reason: expect.stringContaining(reason) } });
  });

  it("answers a redelivery, found by its X-GitHub-Delivery header, with the first instance", async () => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    const body = '{"ref":"refs/heads/main"}';
    const headers = { ...signatureHeaders("github", SECRET, body), "x-github-delivery": "9b1e4a40-d3f5-11ee-8e2b-redelivered" };
    const first = await send(hook.url, body, headers);
    expect(first.status).toBe(202);
    const before = await instanceCount("echo");
    expect(await send(hook.url, body, headers)).toEqual(first);
    expect(await instanceCount("echo")).toBe(before);
  });

  it("makes a signing secret when none is given, and shows it only once", async () => {
    const hook = await createHook({ kind: "start", signature: "github" });
    expect(hook.signingSecret).toMatch(/^whsec_/);
    expect(JSON.stringify((await server.call("GET", `/api/v1/webhooks/${hook.id}`)).body)).not.toContain(hook.signingSecret);
    const body = '{"made":true}';
    expect((await send(hook.url, body, signatureHeaders("github", hook.signingSecret!, body))).status).toBe(202);
  });
});

describe("a Stripe-style signed webhook", () => {
  const NOW = () => new Date();
  it("starts an instance for a fresh signature", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET });
    const body = '{"type":"payment_intent.succeeded"}';
    const answer = await send(hook.url, body, signatureHeaders("stripe", SECRET, body, NOW()));
    expect(answer.status).toBe(202);
    expect((await server.waitFor(answer.body.instanceId)).output).toEqual({ type: "payment_intent.succeeded" });
  });

  it("refuses a signature whose timestamp is outside the tolerance, either way", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET, toleranceSeconds: 60 });
    const body = '{"late":true}';
    const old = await send(hook.url, body, signatureHeaders("stripe", SECRET, body, new Date(Date.now() - 120_000)));
    expect(old.status).toBe(401);
    expect(old.body.error.message).toMatch(/timestamp is 1\d\d s old, beyond the tolerance of 60 s/);
    const ahead = await send(hook.url, body, signatureHeaders("stripe", SECRET, body, new Date(Date.now() + 120_000)));
    expect(ahead.status).toBe(401);
    expect(ahead.body.error.message).toMatch(/ahead, beyond the tolerance/);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 2 });
  });

  it("refuses the same signed request sent again within the window", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET });
    const body = '{"once":true}';
    const headers = signatureHeaders("stripe", SECRET, body, NOW());
    expect((await send(hook.url, body, headers)).status).toBe(202);
    const before = await instanceCount("echo");
    const replayed = await send(hook.url, body, headers);
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.message).toContain("replayed");
    expect(await instanceCount("echo")).toBe(before);
  });

  it("checks the signature before reading the body", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET });
    const answer = await send(hook.url, "{not json", signatureHeaders("stripe", "forger", "{not json"));
    expect(answer.status).toBe(401);
  });

  it("answers an event Stripe sends again, newly signed, with the first instance and starts nothing", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET });
    const body = JSON.stringify({ id: "evt_1QxRedelivered", type: "invoice.paid" });
    const first = await send(hook.url, body, signatureHeaders("stripe", SECRET, body, NOW()));
    expect(first.status).toBe(202);
    const before = await instanceCount("echo");
    const retried = await send(hook.url, body, signatureHeaders("stripe", SECRET, body, new Date(Date.now() + 2_000)));
    expect(retried).toEqual(first);
    expect(await instanceCount("echo")).toBe(before);
    const another = JSON.stringify({ id: "evt_1QxAnotherEvent", type: "invoice.paid" });
    const next = await send(hook.url, another, signatureHeaders("stripe", SECRET, another, NOW()));
    expect(next.status).toBe(202);
    expect(next.body.instanceId).not.toBe(first.body.instanceId);
  });

  it("refuses a forged signature", async () => {
    const hook = await createHook({ kind: "start", signature: "stripe", signingSecret: SECRET });
    const headers = signatureHeaders("stripe", "not the secret", '{"x":1}', NOW());
    expect((await send(hook.url, '{"x":1}', headers)).status).toBe(401);
  });
});

describe("a delivery-id header", () => {
  const settings = { kind: "start", signature: "github", signingSecret: SECRET, deliveryHeader: "X-GitHub-Delivery" };

  it("answers a redelivery with the same instance and starts nothing", async () => {
    const hook = await createHook(settings);
    const body = '{"push":1}';
    const headers = { ...signatureHeaders("github", SECRET, body), "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958" };
    const first = await send(hook.url, body, headers);
    expect(first.status).toBe(202);
    const before = await instanceCount("echo");
    const again = await send(hook.url, body, headers);
    expect(again).toEqual(first);
    expect(await instanceCount("echo")).toBe(before);
  });

  it("starts one instance when the same delivery arrives twice at once", async () => {
    const hook = await createHook(settings);
    const body = '{"push":2}';
    const headers = { ...signatureHeaders("github", SECRET, body), "x-github-delivery": "concurrent-delivery" };
    const before = await instanceCount("echo");
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(hook.url, body, headers)));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202, 202, 202, 202]);
    expect(new Set(answers.map((answer) => answer.body.instanceId)).size).toBe(1);
    expect(await instanceCount("echo")).toBe(before + 1);
  });

  it("refuses a request without it with 400", async () => {
    const hook = await createHook(settings);
    const answer = await send(hook.url, "{}", signatureHeaders("github", SECRET, "{}"));
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("x-github-delivery");
  });
});

describe("the mapping", () => {
  it("reads the body, the selected headers and the query, and no other header", async () => {
    const hook = await createHook({
      kind: "start",
      signature: "none",
      headers: ["X-Event"],
      inputExpression: '{"order": body.order.id, "event": headers."x-event", "source": query.source, "agent": headers."user-agent"}',
    });
    const answer = await send(`${hook.url}?source=shop`, '{"order":{"id":"A-17"}}', { "x-event": "order.paid", "user-agent": "curl" });
    expect(answer.status).toBe(202);
    expect((await server.waitFor(answer.body.instanceId)).input).toEqual({ order: "A-17", event: "order.paid", source: "shop" });
  });

  it("reads form fields and plain text", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    const form = await fetch(hook.url, { method: "POST", body: "name=Ada&tag=a&tag=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(202);
    expect((await server.waitFor(((await form.json()) as { instanceId: string }).instanceId)).input).toEqual({ name: "Ada", tag: ["a", "b"] });
    const text = await fetch(hook.url, { method: "POST", body: "hello", headers: { "content-type": "text/plain" } });
    expect((await server.waitFor(((await text.json()) as { instanceId: string }).instanceId)).input).toBe("hello");
  });

  it("answers 400 with the expression's error when the mapping fails, and starts nothing", async () => {
    const hook = await createHook({ kind: "start", signature: "none", inputExpression: '$error("no order in this body")' });
    const before = await instanceCount("echo");
    const answer = await send(hook.url, "{}");
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("no order in this body");
    expect(await instanceCount("echo")).toBe(before);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 1 });
  });

  it("refuses an expression that does not parse when the webhook is created", async () => {
    const created = await server.call("POST", "/api/v1/workflows/echo/webhooks", { kind: "start", signature: "none", inputExpression: "body.(" });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain("inputExpression");
  });
});

describe("an event webhook", () => {
  it("reports a payment to the instance waiting for it, which takes the payload and ends", async () => {
    const order = await server.call("POST", "/api/v1/workflows/order/start", { item: "laptop" });
    const instanceId = order.body.instanceId as string;
    await server.waitFor(instanceId, (view) => view.runtimeStatus === "RUNNING");
    const hook = await createHook(
      { kind: "event", signature: "stripe", signingSecret: SECRET, eventName: "payment_received", instanceExpression: "body.data.metadata.orderInstance", inputExpression: "{'amount': body.data.amount}" },
      "order",
    );
    const body = JSON.stringify({ type: "payment_intent.succeeded", data: { amount: 4200, metadata: { orderInstance: instanceId } } });
    const answer = await send(hook.url, body, signatureHeaders("stripe", SECRET, body));
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ instanceId, eventId: expect.any(String) });
    const ended = await server.waitFor(instanceId);
    expect(ended).toMatchObject({ runtimeStatus: "COMPLETED", output: { amount: 4200 } });
  });

  it("answers a redelivered report as the first, even once the instance has ended", async () => {
    const instanceId = (await server.call("POST", "/api/v1/workflows/order/start", {})).body.instanceId as string;
    const hook = await createHook({ kind: "event", signature: "none", eventName: "payment_received", instanceExpression: "body.order", deliveryHeader: "x-delivery" }, "order");
    const body = JSON.stringify({ order: instanceId, amount: 1 });
    const first = await send(hook.url, body, { "x-delivery": "evt_1" });
    expect(first.status).toBe(202);
    await server.waitFor(instanceId);
    expect(await send(hook.url, body, { "x-delivery": "evt_1" })).toEqual(first);
    expect((await send(hook.url, body, { "x-delivery": "evt_2" })).status).toBe(409);
  });

  it("answers 404 when the expression names no instance", async () => {
    const hook = await createHook({ kind: "event", signature: "none", eventName: "payment_received", instanceExpression: "body.instance" }, "order");
    const answer = await send(hook.url, '{"instance":"no-such-instance"}');
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toContain("no-such-instance");
  });
});

describe("its URL", () => {
  it("after rotation refuses the old URL with the same 404 as an unknown one, and takes the new", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    const rotated = await server.call("POST", `/api/v1/webhooks/${hook.id}/rotate`);
    expect(rotated.status).toBe(200);
    const old = await send(hook.url, "{}");
    const unknown = await send(`${server.url}/hooks/no-such-hook/${hook.url.split("/").at(-1)}`, "{}");
    expect(old.status).toBe(404);
    expect(old.body).toEqual(unknown.body);
    expect((await send(rotated.body.url, "{}")).status).toBe(202);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 1, last: { reason: expect.stringContaining("wrong URL token") } });
  });

  it("is gone with its webhook", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    expect((await server.call("DELETE", `/api/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await send(hook.url, "{}")).status).toBe(404);
  });
});

describe("refusals", () => {
  it("refuses a body over the limit with 413 and counts it", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    const answer = await send(hook.url, JSON.stringify({ filler: "x".repeat(1024 * 1024) }));
    expect(answer.status).toBe(413);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 1, last: { reason: expect.stringContaining("413") } });
  });

  it("refuses a body of another type with 415", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    const answer = await fetch(hook.url, { method: "POST", body: "<xml/>", headers: { "content-type": "application/xml" } });
    expect(answer.status).toBe(415);
  });

  it("refuses requests beyond the webhook's rate with 429 and Retry-After", async () => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await fetch(hook.url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }));
    expect(answers.slice(0, 30).map((answer) => answer.status)).toEqual(Array(30).fill(401));
    expect(answers[30]!.status).toBe(429);
    expect(Number(answers[30]!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("are shown to admins only", async () => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    await send(hook.url, "{}");
    const designer = await server.tokenWith(["designer", "operator"]);
    expect((await server.call("GET", `/api/v1/webhooks/${hook.id}`, undefined, designer)).body.refusals).toBeNull();
    expect((await server.call("GET", "/api/v1/workflows/echo/webhooks", undefined, designer)).body.webhooks.every((webhook: { refusals: unknown }) => webhook.refusals === null)).toBe(true);
    expect(await refusalsOf(hook.id)).toMatchObject({ count: 1 });
  });
});

describe("managing webhooks", () => {
  it("takes the designer and the operator role", async () => {
    const designer = await server.tokenWith(["designer"]);
    const refused = await server.call("POST", "/api/v1/workflows/echo/webhooks", { kind: "start", signature: "none" }, designer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("designer and operator roles");
  });

  it("replaces settings but keeps the URL, and the signing secret unless given a new one", async () => {
    const hook = await createHook({ kind: "start", signature: "none" });
    const signed = await server.call("PUT", `/api/v1/webhooks/${hook.id}`, { kind: "start", signature: "github" });
    expect(signed.status).toBe(200);
    const made = signed.body.signingSecret as string;
    expect(made).toMatch(/^whsec_/);
    expect((await send(hook.url, "{}")).status).toBe(401);
    const mapped = await server.call("PUT", `/api/v1/webhooks/${hook.id}`, { kind: "start", signature: "github", inputExpression: "body.n" });
    expect(mapped.body.signingSecret).toBeUndefined();
    const answer = await send(hook.url, '{"n":5}', signatureHeaders("github", made, '{"n":5}'));
    expect(answer.status).toBe(202);
    expect((await server.waitFor(answer.body.instanceId)).input).toBe(5);
  });

  it("refuses a webhook for a workflow that does not exist or is not published", async () => {
    const created = await server.call("POST", "/api/v1/workflows/no-such-workflow/webhooks", { kind: "start", signature: "none" });
    expect(created.status).toBe(404);
    await server.call("POST", "/trpc/drafts.create", { name: "draft-only", definition: echo });
    const forDraft = await server.call("POST", "/api/v1/workflows/draft-only/webhooks", { kind: "start", signature: "none" });
    expect(forDraft.status).toBe(404);
    expect(forDraft.body.error.message).toContain("publish it before");
  });

  it("never stores the URL token or the signing secret in the clear", async () => {
    const hook = await createHook({ kind: "start", signature: "github", signingSecret: SECRET });
    const { rows } = await server.db.pool.query("SELECT * FROM webhook WHERE id = $1", [hook.id]);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(hook.url.split("/").at(-1));
    expect(stored).not.toContain(SECRET);
  });
});

describe("the web app's procedures", () => {
  it("create a webhook whose path works, list it without the path, and rotate and delete it, each change audited", async () => {
    const browser = await server.signIn("wendy", ["designer", "operator"]);
    const mutate = async (path: string, input: unknown) => (await server.call("POST", `/trpc/${path}`, input, browser)).body.result.data;
    const created = await mutate("webhooks.create", { workflowName: "echo", settings: { kind: "start", signature: "none" } });
    expect(created.path).toMatch(new RegExp(`^/hooks/${created.webhook.id}/[A-Za-z0-9_-]{43}$`));
    expect((await send(server.url + created.path, '{"from":"trpc"}')).status).toBe(202);
    const listed = await server.call("GET", `/trpc/webhooks.list?input=${encodeURIComponent(JSON.stringify({ workflowName: "echo" }))}`, undefined, browser);
    expect(listed.body.result.data).toContainEqual(expect.objectContaining({ id: created.webhook.id, refusals: null }));
    expect(JSON.stringify(listed.body)).not.toContain(created.path);
    const rotated = await mutate("webhooks.rotate", { id: created.webhook.id });
    expect(rotated.path).not.toBe(created.path);
    await mutate("webhooks.remove", { id: created.webhook.id });
    expect((await send(server.url + rotated.path, "{}")).status).toBe(404);
    const audit = (await server.call("GET", "/trpc/admin.audit.recent")).body.result.data as Array<{ actor: string; action: string; target: string }>;
    expect(audit.filter((entry) => entry.actor === "wendy").map((entry) => [entry.action, entry.target])).toEqual([
      ["webhook.deleted", created.webhook.id],
      ["webhook.rotated", created.webhook.id],
      ["webhook.created", created.webhook.id],
    ]);
  });
});
