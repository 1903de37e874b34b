/**
 * What a request body may be, for REST and tRPC alike: JSON sent as application/json in UTF-8,
 * nested at most MAX_JSON_DEPTH levels, with no lone surrogates, NUL characters or prototype keys.
 * Anything else is refused at parsing with a 4xx naming the problem, and nothing is stored.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH } from "./rest/json-text.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
/** A running instance that waits for an approval, to raise events at. */
let waiting: string;

beforeAll(async () => {
  server = await startTestServer();
  waiting = (await server.call("POST", "/api/v1/workflows/purchase-order-approval/start", { cost: 5000, product: "desk", quantity: 1 })).body.instanceId;
  // Settled once its approval is open: no more rows come from it until someone decides.
  for (let i = 0; i < 400 && (await server.call("GET", `/api/v1/approvals?instanceId=${waiting}`)).body.approvals.length === 0; i++) await sleep(25);
});
afterAll(() => server.close());

/** Sends a body as it is, with the all-roles token; `contentType` null sends none. */
async function send(method: string, path: string, body: string | Uint8Array, contentType: string | null = "application/json") {
  const headers: Record<string, string> = { ...server.auth, ...(contentType === null ? {} : { "content-type": contentType }) };
  // As bytes: fetch would call a string text/plain.
  const response = await fetch(server.url + path, { method, headers, body: new Blob([body]) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Every row a refused request could have added. */
async function storedRows(): Promise<Record<string, number>> {
  const tables = ["workflow", "workflow_version", "workflow_draft", "instance", "history_event", "inbox_message"];
  const { rows } = await server.db.pool.query<Record<string, number>>(`SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(", ")}`);
  return rows[0]!;
}

const nested = (depth: number, inner = "0") => "[".repeat(depth) + inner + "]".repeat(depth);
const definitionWithUi = (ui: string) => `{"version":1,"start":"done","nodes":{"done":{"type":"end"}},"ui":${ui}}`;

/** Where a body can go: each REST route that takes any JSON, and tRPC mutations. */
const TARGETS = [
  { name: "a start's input", method: "POST", path: "/api/v1/workflows/task-chain/start", body: (value: string) => value, trpc: false },
  { name: "an event's payload", method: "POST", path: () => `/api/v1/instances/${waiting}/events/poke`, body: (value: string) => value, trpc: false },
  { name: "a definition's ui", method: "PUT", path: "/api/v1/workflows/hostile", body: definitionWithUi, trpc: false },
  { name: "a draft saved through tRPC", method: "POST", path: "/trpc/drafts.save", body: (value: string) => `{"name":"hostile-draft","expectedRevision":0,"definition":{"ui":${value}}}`, trpc: true },
] as const;

const pathOf = (target: (typeof TARGETS)[number]) => (typeof target.path === "function" ? target.path() : target.path);

/** The refusal's status and message, from REST's error shape or tRPC's. */
function refusal(answer: { status: number; body: any }): { status: number; message: string } {
  const message = answer.body?.error?.message;
  expect(typeof message, JSON.stringify(answer.body)).toBe("string");
  if (answer.body.error.data) expect(answer.body.error.data.httpStatus).toBe(answer.status);
  else expect(Object.keys(answer.body.error).sort()).toEqual(expect.arrayContaining(["code", "message"]));
  return { status: answer.status, message };
}

describe.each(TARGETS)("$name", (target) => {
  it.each([
    ["nested 5,000 levels deep", nested(5_000), new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels`)],
    ["nested just past the limit", nested(MAX_JSON_DEPTH + 1), new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels`)],
    ["holding a lone surrogate", '{"id":"\\ud800"}', /lone surrogate \(\\ud800\)/],
    ["holding a lone surrogate as a key", '{"\\udc00":1}', /lone surrogate \(\\udc00\)/],
    ["holding __proto__", '{"__proto__":{"admin":true}}', /__proto__/],
    ["holding constructor.prototype", '{"a":[{"constructor":{"prototype":{"admin":true}}}]}', /constructor\.prototype/],
    ["holding a NUL character", '{"id":"a\\u0000b"}', /NUL/],
  ])("refuses a body %s with a 400 naming the problem, and stores nothing", async (_case, value, message) => {
    const before = await storedRows();
    const answer = refusal(await send(target.method, pathOf(target), target.body(value)));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(message);
    expect(await storedRows()).toEqual(before);
  });

  it("refuses a body that is not valid UTF-8 with a 400, and stores nothing", async () => {
    const before = await storedRows();
    const text = target.body('"caf\u0000"');
    const bytes = Buffer.from(text);
    // Where the NUL stood, a byte that cannot start a UTF-8 character.
    bytes[bytes.indexOf(0)] = 0xff;
    const answer = refusal(await send(target.method, pathOf(target), bytes));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(/not valid UTF-8/);
    expect(await storedRows()).toEqual(before);
  });

  it.each([
    ["text/plain", /not text\/plain/],
    ["text/plain;charset=UTF-8", /not text\/plain/],
    ["application/x-www-form-urlencoded", /not application\/x-www-form-urlencoded/],
    ["application/json; charset=iso-8859-1", /in UTF-8, not iso-8859-1/],
    [null, /no Content-Type/],
  ])("refuses a JSON body sent as %s with a 415 naming application/json, and stores nothing", async (contentType, message) => {
    const before = await storedRows();
    const answer = refusal(await send(target.method, pathOf(target), target.body("{}"), contentType));
    expect(answer.status).toBe(415);
    expect(answer.message).toMatch(/application\/json/);
    expect(answer.message).toMatch(message);
    expect(await storedRows()).toEqual(before);
  });
});

describe("bodies within the rules", () => {
  it(`keep values nested ${MAX_JSON_DEPTH} levels deep, surrogate pairs and a UTF-8 charset as sent`, async () => {
    const input = `{"deep":${nested(MAX_JSON_DEPTH - 1)},"smile":"\\ud83d\\ude00"}`;
    const started = await send("POST", "/api/v1/workflows/task-chain/start", input, "application/json; charset=UTF-8");
    expect(started.status).toBe(202);
    const { rows } = await server.db.pool.query<{ input: unknown }>("SELECT input FROM instance WHERE id = $1", [started.body.instanceId]);
    expect(rows[0]!.input).toEqual(JSON.parse(input));
    expect(JSON.stringify(rows[0]!.input)).toContain("😀");
  });

  it("an empty body without a Content-Type is no value", async () => {
    const started = await fetch(`${server.url}/api/v1/workflows/task-chain/start`, { method: "POST", headers: server.auth });
    expect(started.status).toBe(202);
    const { instanceId } = (await started.json()) as { instanceId: string };
    const { rows } = await server.db.pool.query<{ input: unknown }>("SELECT input FROM instance WHERE id = $1", [instanceId]);
    expect(rows[0]!.input).toBeNull();
  });
});

describe("tRPC query input in the URL", () => {
  it.each([
    ["nested 1,000 levels deep", nested(1_000), new RegExp(`nested deeper than ${MAX_JSON_DEPTH} levels`)],
    ["holding a lone surrogate", '{"name":"\\ud800"}', /lone surrogate/],
    ["holding __proto__", '{"__proto__":{"name":"x"}}', /__proto__/],
  ])("is refused %s with a 400 naming the problem", async (_case, input, message) => {
    const response = await fetch(`${server.url}/trpc/drafts.get?input=${encodeURIComponent(input)}`, { headers: server.auth });
    const answer = refusal({ status: response.status, body: await response.json() });
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(message);
  });
});
