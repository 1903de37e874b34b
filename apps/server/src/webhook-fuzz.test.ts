/**
 * Generated hostile requests against real webhook URLs: bodies nested far too deep, with lone
 * surrogates, prototype keys or bytes that are not UTF-8, under any content type, with odd query
 * strings and forged signatures. Each gets a status the OpenAPI document lists for the webhook
 * URL, never a 5xx; a refusal says what is wrong and starts nothing; and the server keeps serving.
 */
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documentedStatuses } from "./rest/openapi-coverage.ts";
import { openApiDocument } from "./rest/openapi.ts";
import { startTestServer, type TestServer } from "./test-server.ts";

let server: TestServer;
let unsigned: string;
let signed: string;

beforeAll(async () => {
  server = await startTestServer();
  expect((await server.call("PUT", "/api/v1/workflows/echo", { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } })).status).toBe(201);
  const create = async (settings: object) => (await server.call("POST", "/api/v1/workflows/echo/webhooks", settings)).body.url as string;
  unsigned = await create({ kind: "start", signature: "none", headers: ["x-a"], inputExpression: "{'a': body.a, 'q': query, 'h': headers}" });
  signed = await create({ kind: "start", signature: "stripe", signingSecret: "fuzzing secret" });
}, 60_000);
afterAll(() => server.close());

const deepJson = fc.integer({ min: 150, max: 5_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth));
const surrogateJson = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }).map((value) => JSON.stringify({ a: value }));
const prototypeJson = fc.constantFrom('{"__proto__":{"polluted":1}}', '{"\\u005f_proto__":1}', '{"constructor":{"prototype":{"x":1}}}', "__proto__=1&a=2", "a[__proto__][x]=1");
const notUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => new Blob([Uint8Array.from([0xff, ...bytes])]));
const body = fc.oneof(deepJson, surrogateJson, prototypeJson, notUtf8, fc.string({ unit: "grapheme", maxLength: 200 }), fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)));
const contentType = fc.constantFrom("application/json", "application/json; charset=latin1", "application/x-www-form-urlencoded", "text/plain", "application/xml", "multipart/form-data; boundary=x", "", "application/vnd.api+json");
const query = fc.constantFrom("", "?a=1", "?a=1&a=2", "?__proto__=x", "?a[b][c]=1", `?x=${"y".repeat(3_000)}`, "?%FF=%FE");
const signatureHeader = fc.constantFrom(undefined, "", "t=1,v1=00", `t=${Math.floor(Date.now() / 1000)},v1=${"a".repeat(64)}`, "t=99999999999999,v1=zz", "v1=".repeat(200));

it("answers every hostile request with a documented 4xx or a 202, and stays up", async () => {
  const listed = documentedStatuses(openApiDocument as unknown as Parameters<typeof documentedStatuses>[0], "POST", "/hooks/some-id/some-token")!;
  await fc.assert(
    fc.asyncProperty(fc.boolean(), body, contentType, query, signatureHeader, fc.constantFrom(undefined, "x".repeat(10_000)), async (toSigned, sent, type, search, signature, headerA) => {
      const headers: Record<string, string> = {};
      if (type) headers["content-type"] = type;
      if (signature !== undefined) headers["stripe-signature"] = signature;
      if (headerA !== undefined) headers["x-a"] = headerA;
      const response = await fetch((toSigned ? signed : unsigned) + search, { method: "POST", body: sent, headers });
      const text = await response.text();
      const said = `${response.status} ${text.slice(0, 300)}`;
      expect(response.status, said).toBeLessThan(500);
      expect(listed, said).toContain(String(response.status));
      if (response.status >= 400) expect((JSON.parse(text) as { error: { message: string } }).error.message.length, said).toBeGreaterThan(0);
      if (toSigned) expect(response.status, said).toBe(401);
    }),
    { numRuns: 150 },
  );
  const polluted = ({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).x;
  expect(polluted).toBeUndefined();
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}, 120_000);
