/**
 * Thousands of generated malformed requests against the real server: definitions, event payloads,
 * bodies, ids and names for every REST route and tRPC procedure. Each refused request gets a 4xx
 * with a message saying what is wrong and stores nothing; nothing gets a 5xx; the server keeps
 * serving; and every definition the fuzzing managed to store is a valid one.
 */
import { validateDefinition } from "@flowcraft/definition";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleRegistry } from "./examples/index.ts";
import { startTestServer, type TestServer } from "./test-server.ts";
import { appRouter } from "./trpc/router.ts";

let server: TestServer;
let waiting: string;
let ended: string;
/** A person's browser, for the routes only people may call. */
let person: Record<string, string>;
let personPasswordHash: string;

async function passwordHashOf(username: string): Promise<string> {
  const { rows } = await server.db.pool.query<{ password_hash: string }>("SELECT password_hash FROM account WHERE username = $1", [username]);
  return rows[0]!.password_hash;
}

beforeAll(async () => {
  server = await startTestServer();
  waiting = (await server.call("POST", "/api/v1/workflows/purchase-order-approval/start", { cost: 5000, product: "desk", quantity: 1 })).body.instanceId;
  ended = (await server.call("POST", "/api/v1/workflows/task-chain/start", 1)).body.instanceId;
  await server.waitFor(ended);
  await server.waitFor(waiting, (view) => view.runtimeStatus === "RUNNING");
  person = await server.signIn("fuzzy", []);
  personPasswordHash = await passwordHashOf("fuzzy");
}, 60_000);
afterAll(() => server.close());

interface Answer {
  status: number;
  text: string;
}

/** Sends with the all-roles token unless `credentials` are given. */
async function send(method: string, path: string, body?: string, contentType = "application/json", credentials = server.auth): Promise<Answer> {
  const response = await fetch(server.url + path, { method, ...(body === undefined ? {} : { body }), headers: { ...credentials, ...(body === undefined ? {} : { "content-type": contentType }) } });
  return { status: response.status, text: await response.text() };
}

/** What a refusal must carry: a JSON error whose message says what is wrong. */
function expectClearRefusal(answer: Answer, request: string) {
  const said = `${request.slice(0, 300)} -> ${answer.text.slice(0, 300)}`;
  expect(answer.status, said).toBeGreaterThanOrEqual(400);
  expect(answer.status, said).toBeLessThan(500);
  const message = (JSON.parse(answer.text) as { error?: { message?: unknown } }).error?.message;
  expect(typeof message === "string" && message.trim().length > 0, `no message: ${said}`).toBe(true);
}

/** Rows a refused request must never add. */
async function storedRows(): Promise<string> {
  const { rows } = await server.db.pool.query(
    `SELECT (SELECT count(*) FROM workflow_version) AS versions, (SELECT count(*) FROM instance) AS instances, (SELECT count(*) FROM workflow_draft) AS drafts, (SELECT count(*) FROM workflow) AS workflows`,
  );
  return JSON.stringify(rows[0]);
}

/** Text for names, ids and raw bodies: printable noise, JSON-looking fragments, and known troublemakers. */
const noise = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "..", "../..", "%00", "\u0000", "{", "[]", "null", "__proto__", "constructor", "x".repeat(5_000), "😀", "'; DROP TABLE instance; --"),
);
const jsonBody = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value));
const rawBody = fc.oneof(jsonBody, noise, jsonBody.map((text) => text.slice(0, Math.max(0, text.length - 1))));
const segment = noise.map((text) => encodeURIComponent(text) || "%20");

describe("fuzzing the API", () => {
  it("refuses malformed definitions with the problems, and stores only valid ones", async () => {
    const kinds = fc.constantFrom("activity", "parallel", "map", "wait", "timer", "decision", "monitor", "end", "fail", "bogus");
    const anyValue = fc.jsonValue({ maxDepth: 3 });
    const looseNode = fc.record(
      { type: kinds, next: anyValue, input: anyValue, activity: fc.oneof(anyValue, fc.constantFrom("transform", "http", "add")), output: anyValue, event: anyValue },
      { requiredKeys: ["type"] },
    );
    const looseDefinition = fc.record({ version: fc.oneof(fc.constant(1), anyValue), start: fc.oneof(fc.constant("a"), anyValue), nodes: fc.dictionary(fc.constantFrom("a", "b", "c", "d"), fc.oneof(looseNode, anyValue)) });
    await fc.assert(
      fc.asyncProperty(fc.oneof(looseDefinition, anyValue), async (definition) => {
        const before = await storedRows();
        const answer = await send("PUT", "/api/v1/workflows/fuzzed", JSON.stringify(definition));
        if (answer.status === 200 || answer.status === 201) return;
        expectClearRefusal(answer, `PUT definition ${JSON.stringify(definition).slice(0, 200)}`);
        expect(await storedRows()).toBe(before);
      }),
      { numRuns: 800 },
    );
    const { rows } = await server.db.pool.query<{ definition: unknown }>(`SELECT definition FROM workflow_version WHERE workflow_name = 'fuzzed'`);
    const activities = exampleRegistry({}).names();
    for (const { definition } of rows) expect(validateDefinition(definition, { activities }).ok).toBe(true);
  }, 120_000);

  it("answers every REST route's malformed ids, names, payloads and bodies with a clear 4xx", async () => {
    const routes = fc.constantFrom(
      (id: string, name: string) => ["POST", `/api/v1/workflows/${name}/start?instanceId=${id}`],
      (id: string, name: string) => ["POST", `/api/v1/instances/${id}/events/${name}`],
      (_id: string, name: string) => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/events/${name}`],
      (_id: string, name: string) => ["POST", `/api/v1/instances/${encodeURIComponent(ended)}/events/${name}`],
      (id: string) => ["POST", `/api/v1/instances/${id}/suspend`],
      (id: string) => ["POST", `/api/v1/instances/${id}/rerun`],
      () => ["POST", `/api/v1/instances/${encodeURIComponent(ended)}/rerun`],
      (_id: string, name: string) => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/approvals/${name}`],
      (id: string, name: string) => ["POST", `/api/v1/instances/${id}/approvals/${name}`],
      (id: string) => ["DELETE", `/api/v1/instances/${id}`],
      (id: string) => ["GET", `/api/v1/instances?status=${id}&limit=${id}&cursor=${id}`],
      (id: string) => ["GET", `/api/v1/instances/${encodeURIComponent(ended)}/history?afterSeq=${id}&limit=${id}`],
      // Never an instance that exists: a watch that is accepted streams until the caller leaves.
      (id: string) => ["GET", `/api/v1/instances/${id}/watch?afterSeq=${id}`],
      (id: string, name: string) => ["GET", `/api/v1/workflows/${name}/versions/${id}`],
      (_id: string, name: string) => ["PUT", `/api/v1/workflows/${name}`],
      // A person's own password, from their browser: noise never holds their current password.
      () => ["POST", "/api/v1/auth/password", person],
    );
    await fc.assert(
      fc.asyncProperty(routes, segment, segment, fc.option(rawBody, { nil: undefined }), async (route, id, name, body) => {
        const [method, path, credentials] = route(id, name) as [string, string, Record<string, string> | undefined];
        const before = await storedRows();
        const answer = await send(method, path, method === "GET" || method === "DELETE" ? undefined : body, undefined, credentials);
        if (answer.status < 400) {
          expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
          return;
        }
        expectClearRefusal(answer, `${method} ${path} ${body?.slice(0, 200)}`);
        expect(await storedRows()).toBe(before);
      }),
      { numRuns: 1_500 },
    );
    // The waiting order was never decided by noise: its only approval is still open.
    const approvals = await server.call("GET", `/api/v1/approvals?instanceId=${encodeURIComponent(waiting)}`);
    expect(approvals.body.approvals).toHaveLength(1);
    // Nor was the fuzzed person's password changed.
    expect(await passwordHashOf("fuzzy")).toBe(personPasswordHash);
  }, 180_000);

  it("answers every tRPC procedure's malformed input with a clear 4xx", async () => {
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
      .filter(([, procedure]) => procedure._def.type !== "subscription")
      .map(([path, procedure]) => ({ path, type: procedure._def.type }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...procedures), rawBody, async ({ path, type }, input) => {
        const before = await storedRows();
        const answer =
          type === "query" ? await send("GET", `/trpc/${path}?input=${encodeURIComponent(input)}`) : await send("POST", `/trpc/${path}`, input);
        if (answer.status < 400) return;
        expectClearRefusal(answer, `${path} ${input.slice(0, 200)}`);
        expect(await storedRows()).toBe(before);
      }),
      { numRuns: 1_000 },
    );
  }, 180_000);

  it("keeps serving: a well-formed start still runs to completion", async () => {
    const started = await server.call("POST", "/api/v1/workflows/task-chain/start", 1);
    expect(started.status).toBe(202);
    expect((await server.waitFor(started.body.instanceId)).output).toEqual([2, 4, 16]);
  });
});
