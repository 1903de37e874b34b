/**
 * Thousands of generated malformed requests against the real server: definitions, event payloads,
 * bodies, ids and names for every REST route and tRPC procedure, and hostile ones (deep nesting,
 * lone surrogates, bytes that are not UTF-8, prototype keys, huge and odd ids, forged cursors,
 * oversized definitions). Each refused request gets a 4xx with a message saying what is wrong and
 * stores nothing; while the database is up nothing gets a 5xx; every status is one the OpenAPI
 * document lists for its route; the server keeps serving; and every definition the fuzzing managed
 * to store is a valid one.
 */
import { MAX_DEFINITION_BYTES, MAX_NODES, validateDefinition } from "@flowcraft/definition";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleRegistry } from "./examples/index.ts";
import { documentedStatuses } from "./rest/openapi-coverage.ts";
import { openApiDocument } from "./rest/openapi.ts";
import { MAX_JSON_DEPTH } from "./rest/json-text.ts";
import { startTestServer, type TestServer } from "./test-server.ts";
import { appRouter } from "./trpc/router.ts";

/** The server's default: large enough for definitions over their own 1 MiB limit to reach the validator. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

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
  server = await startTestServer({ bodyLimitBytes: BODY_LIMIT_BYTES });
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

/**
 * Sends with the all-roles token unless `credentials` are given. The database is up throughout, so
 * no answer may be a 5xx; and a REST answer's status must be one the OpenAPI document lists for the
 * route.
 */
async function send(method: string, path: string, body?: string | Uint8Array, contentType = "application/json", credentials = server.auth): Promise<Answer> {
  const url = new URL(server.url + path);
  const response = await fetch(url, {
    method,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : new Blob([body]) }),
    headers: { ...credentials, ...(body === undefined ? {} : { "content-type": contentType }) },
  });
  const answer = { status: response.status, text: await response.text() };
  const said = `${method} ${path.slice(0, 200)} -> ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, said).toBeLessThan(500);
  if (url.pathname.startsWith("/api/")) {
    // Fetch resolves dot segments, so the route reached is the URL's, not the path's as written.
    const listed = documentedStatuses(openApiDocument as unknown as Parameters<typeof documentedStatuses>[0], method, url.pathname);
    // A path no route serves answers 404, or 400 when the router finds it malformed first.
    expect(listed ?? ["400", "404"], `undocumented: ${said}`).toContain(String(answer.status));
  }
  return answer;
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
    `SELECT (SELECT count(*) FROM workflow_version) AS versions, (SELECT count(*) FROM instance) AS instances, (SELECT count(*) FROM workflow_draft) AS drafts, (SELECT count(*) FROM workflow) AS workflows, (SELECT count(*) FROM schedule) AS schedules`,
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
/** The text a URL segment stands for, or the segment itself when it is not valid percent-encoding. */
const decodeURIComponentOr = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** Text as UTF-8 bytes, percent-encoded: any string, lone surrogates included (as U+FFFD), makes a URL. */
const percentEncoded = (text: string) => Array.from(new TextEncoder().encode(text), (byte) => `%${byte.toString(16).padStart(2, "0")}`).join("") || "%20";
/** Arrays and objects nested around the depth limit, and far past it. */
const deepJson = fc.integer({ min: MAX_JSON_DEPTH - 3, max: 6_000 }).chain((depth) =>
  fc.array(fc.boolean(), { minLength: depth, maxLength: depth }).map((arrays) => arrays.map((array) => (array ? "[" : '{"k":')).join("") + "0" + arrays.map((array) => (array ? "]" : "}")).reverse().join("")),
);
/** JSON whose strings and keys may hold any UTF-16 code unit, lone surrogates included (JSON.stringify escapes them). */
const surrogateJson = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }).map((value) => JSON.stringify(value));
/** Keys that could alter prototypes, as written or escaped. */
const prototypeJson = fc
  .tuple(fc.constantFrom('"__proto__"', '"\\u005f_proto__"', '"constructor"'), fc.jsonValue({ maxDepth: 2 }), fc.boolean())
  .map(([key, value, nested]) => {
    const poisoned = key === '"constructor"' ? `{${key}:{"prototype":${JSON.stringify(value)}}}` : `{${key}:${JSON.stringify(value)}}`;
    return nested ? `{"a":[1,${poisoned}]}` : poisoned;
  });
/** Bytes that are rarely UTF-8, and JSON with a byte that cannot be. */
const notUtf8 = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.tuple(jsonBody, fc.constantFrom(0x80, 0xc0, 0xed, 0xff)).map(([text, byte]) => Uint8Array.from([...new TextEncoder().encode(text), byte])),
);
const hostileBody = fc.oneof(deepJson, surrogateJson, prototypeJson, notUtf8, jsonBody);

/** Ids and names: any code units, 2,000 characters and more, and percent-encodings that are not UTF-8. */
const oddText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom("a", "é", "😀", "%", "/", "\u0000"), minLength: 190, maxLength: 2_100 }),
);
const oddSegment = fc.oneof(oddText.map(percentEncoded), fc.constantFrom("%ED%A0%80", "%C0%80", "%FF", "%", "%zz", "%00", "..", "."));
/** Paging cursors: forged from this server's format with odd parts, or not cursors at all. */
const cursorPart = fc.oneof(
  fc.constantFrom("newest", "oldest", "+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "0000-01-01T00:00:00.000Z", "1969-12-31T23:59:59.999Z"),
  fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }).map((date) => date.toISOString()),
  oddText,
  fc.jsonValue({ maxDepth: 1 }),
  fc.integer(),
  fc.double(),
);
const cursor = fc.oneof(
  fc.array(cursorPart, { maxLength: 4 }).map((parts) => Buffer.from(JSON.stringify(parts)).toString("base64url")),
  fc.base64String({ maxLength: 80 }).map(encodeURIComponent),
  oddText.map(percentEncoded),
);

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
      (_id: string, name: string) => ["POST", `/api/v1/workflows/${name}/starts`],
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
      (_id: string, name: string) => ["POST", `/api/v1/workflows/${name}/schedules`],
      () => ["POST", "/api/v1/workflows/task-chain/schedules"],
      () => ["POST", "/api/v1/schedules/preview"],
      (id: string) => ["PUT", `/api/v1/schedules/${id}`],
      (id: string) => ["POST", `/api/v1/schedules/${id}/backfill`],
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

  it("refuses hostile bodies on every route that takes one with a 400 naming the problem, and stores nothing", async () => {
    const targets = [
      () => ["POST", "/api/v1/workflows/task-chain/start"],
      () => ["POST", "/api/v1/workflows/task-chain/starts"],
      () => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/events/poke`],
      () => ["PUT", "/api/v1/workflows/hostile"],
      () => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/approvals/approval`],
      () => ["POST", `/api/v1/instances/${encodeURIComponent(ended)}/rerun`],
      () => ["POST", "/api/v1/workflows/task-chain/schedules"],
      () => ["POST", "/api/v1/schedules/preview"],
      () => ["POST", "/trpc/schedules.create"],
      () => ["POST", "/trpc/drafts.save"],
      () => ["POST", "/trpc/drafts.create"],
      () => ["POST", "/trpc/instances.raiseEvent"],
      () => ["POST", "/trpc/workflows.publish"],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), hostileBody, async (target, body) => {
        const [method, path] = target() as [string, string];
        const before = await storedRows();
        const answer = await send(method, path, body);
        if (answer.status < 400) return;
        expectClearRefusal(answer, `${method} ${path} ${typeof body === "string" ? body.slice(0, 200) : `bytes ${Buffer.from(body).toString("hex").slice(0, 100)}`}`);
        expect(await storedRows()).toBe(before);
      }),
      { numRuns: 600 },
    );
    const approvals = await server.call("GET", `/api/v1/approvals?instanceId=${encodeURIComponent(waiting)}`);
    expect(approvals.body.approvals).toHaveLength(1);
  }, 180_000);

  it("answers huge and odd ids and names, and forged cursors, with a 4xx and never a 5xx", async () => {
    const routes = fc.constantFrom(
      (id: string) => ["GET", `/api/v1/instances/${id}`],
      (id: string) => ["GET", `/api/v1/instances/${id}/history?afterSeq=0`],
      (id: string) => ["DELETE", `/api/v1/instances/${id}`],
      (id: string) => ["POST", `/api/v1/instances/${id}/terminate`],
      (id: string) => ["POST", `/api/v1/workflows/task-chain/start?instanceId=${id}`],
      (id: string) => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/events/${id}?eventId=${id}`],
      (id: string) => ["POST", `/api/v1/instances/${encodeURIComponent(waiting)}/approvals/${id}`],
      (id: string) => ["GET", `/api/v1/workflows/${id}/versions/1`],
      (id: string) => ["PUT", `/api/v1/workflows/${id}`],
      (id: string) => ["GET", `/api/v1/workflows/${id}/schedules`],
      (id: string) => ["GET", `/api/v1/schedules/${id}`],
      (id: string) => ["POST", `/api/v1/schedules/${id}/trigger`],
      (id: string) => ["GET", `/api/v1/instances?instanceId=${id}&workflowName=${id}`],
      (_id: string, page: string) => ["GET", `/api/v1/instances?cursor=${page}`],
      (_id: string, page: string) => ["GET", `/api/v1/instances?order=oldest&cursor=${page}`],
      (_id: string, page: string) => ["GET", `/api/v1/approvals?cursor=${page}`],
      (_id: string, page: string) => ["GET", `/trpc/instances.list?input=${encodeURIComponent(JSON.stringify({ cursor: decodeURIComponentOr(page) }))}`],
      (_id: string, page: string) => ["GET", `/trpc/approvals.pending?input=${encodeURIComponent(JSON.stringify({ cursor: decodeURIComponentOr(page) }))}`],
      (id: string) => ["GET", `/trpc/instances.get?input=${encodeURIComponent(JSON.stringify({ id: decodeURIComponentOr(id) }))}`],
    );
    await fc.assert(
      fc.asyncProperty(routes, oddSegment, cursor, async (route, id, page) => {
        const [method, path] = route(id, page) as [string, string];
        const before = await storedRows();
        const answer = await send(method, path, method === "GET" || method === "DELETE" ? undefined : "{}");
        if (answer.status < 400) return;
        expectClearRefusal(answer, `${method} ${path}`);
        expect(await storedRows()).toBe(before);
      }),
      { numRuns: 800 },
    );
  }, 180_000);

  it("refuses definitions over their limits with a 400 or 413, on REST and as drafts", async () => {
    const definitions = fc.record({ nodes: fc.integer({ min: MAX_NODES - 50, max: MAX_NODES + 300 }), padding: fc.integer({ min: 0, max: BODY_LIMIT_BYTES + 100_000 }) }).map(({ nodes, padding }) => {
      const chain = Object.fromEntries(
        Array.from({ length: nodes }, (_, i) => [`n${i}`, i === nodes - 1 ? { type: "end" } : { type: "activity", activity: "transform", input: "1", next: `n${i + 1}` }]),
      );
      return JSON.stringify({ version: 1, start: "n0", nodes: chain, ui: { note: "x".repeat(padding) } });
    });
    await fc.assert(
      fc.asyncProperty(definitions, fc.boolean(), async (definition, asDraft) => {
        const before = await storedRows();
        const answer = asDraft
          ? await send("POST", "/trpc/drafts.save", `{"name":"oversized","expectedRevision":0,"definition":${definition}}`)
          : await send("PUT", "/api/v1/workflows/oversized", definition);
        const bytes = Buffer.byteLength(definition);
        if (bytes > MAX_DEFINITION_BYTES || (!asDraft && definition.split('"type"').length - 1 > MAX_NODES)) {
          expect([400, 413], `${bytes} bytes -> ${answer.text.slice(0, 300)}`).toContain(answer.status);
          expectClearRefusal(answer, `${bytes} bytes`);
          expect(await storedRows()).toBe(before);
        }
      }),
      { numRuns: 24 },
    );
  }, 180_000);

  it("keeps serving: a well-formed start still runs to completion", async () => {
    const started = await server.call("POST", "/api/v1/workflows/task-chain/start", 1);
    expect(started.status).toBe(202);
    expect((await server.waitFor(started.body.instanceId)).output).toEqual([2, 4, 16]);
  });
});
