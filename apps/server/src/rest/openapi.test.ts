/**
 * The OpenAPI document against the server: it describes every REST route and nothing else, and
 * each status the server answers a request with is one the document lists for that operation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test-server.ts";
import { apiRoutesOf, documentedStatuses, type Route } from "./openapi-coverage.ts";
import { openApiDocument } from "./openapi.ts";

let server: TestServer;
let routes: Route[];
/** A signed-in browser, whose changes need the CSRF header. */
let browser: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ bodyLimitBytes: 4_096 });
  routes = apiRoutesOf(server.app);
  browser = await server.signIn("openapi-reader", ["admin"]);
});
afterAll(() => server.close());

const document = openApiDocument as unknown as Parameters<typeof documentedStatuses>[0];
const operationsOf = (doc: typeof document) =>
  Object.entries(doc.paths)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();

describe("the OpenAPI document", () => {
  it("describes every route under /api/ the server serves, and no other", () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(operationsOf(document)).toEqual(routes.map(({ method, path }) => `${method} ${path}`).sort());
  });

  it("lists every status the server answers each route's hostile requests with", async () => {
    const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_all, name: string) => `some-${name}`);
    /** Requests each route may get from a careless or hostile caller. */
    const hostile: Array<{ name: string; changesOnly?: boolean; send: (method: string, url: string) => Promise<Response> }> = [
      { name: "no credentials", send: (method, url) => fetch(url, { method }) },
      { name: "an unknown token", send: (method, url) => fetch(url, { method, headers: { authorization: "Bearer fc_unknown" } }) },
      { name: "a malformed path", send: (method, url) => fetch(url.replace(/some-\w+/, "%E0%A4%A"), { method, headers: server.auth }) },
      { name: "an odd query", send: (method, url) => fetch(`${url}?limit=-1&afterSeq=x&cursor=%00&status=NOPE&instanceId=a%20b&version=0`, { method, headers: server.auth }) },
      { name: "a browser change without its CSRF header", changesOnly: true, send: (method, url) => fetch(url, { method, headers: { cookie: browser.cookie! } }) },
      { name: "a text/plain body", changesOnly: true, send: (method, url) => fetch(url, { method, headers: { ...server.auth, "content-type": "text/plain" }, body: "{}" }) },
      { name: "a body over the limit", changesOnly: true, send: (method, url) => fetch(url, { method, headers: { ...server.auth, "content-type": "application/json" }, body: JSON.stringify("x".repeat(8_192)) }) },
      { name: "a body too deep", changesOnly: true, send: (method, url) => fetch(url, { method, headers: { ...server.auth, "content-type": "application/json" }, body: "[".repeat(300) + "]".repeat(300) }) },
      { name: "an empty object", changesOnly: true, send: (method, url) => fetch(url, { method, headers: { ...server.auth, "content-type": "application/json" }, body: "{}" }) },
    ];
    const undocumented: string[] = [];
    for (const { method, path } of routes) {
      for (const { name, changesOnly, send } of hostile) {
        if (changesOnly && method === "GET") continue;
        const response = await send(method, server.url + concrete(path));
        await response.body?.cancel();
        const listed = documentedStatuses(document, method, concrete(path)) ?? [];
        if (!listed.includes(String(response.status))) undocumented.push(`${method} ${path} with ${name}: ${response.status}, listed ${listed.join(" ")}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("documents the X-Request-Id every operation takes and every answer carries back", async () => {
    type Described = { parameters?: Array<{ name?: string; in?: string; $ref?: string }>; responses: Record<string, { headers?: Record<string, unknown> }> };
    const components = (openApiDocument as unknown as { components: { parameters?: Record<string, { name: string; in: string }> } }).components;
    const resolve = (parameter: { name?: string; in?: string; $ref?: string }) =>
      parameter.$ref ? components.parameters?.[parameter.$ref.replace("#/components/parameters/", "")] : parameter;
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations as Record<string, Described>)) {
        const takes = (operation.parameters ?? []).map(resolve).some((p) => p?.in === "header" && p.name === "X-Request-Id");
        if (!takes) missing.push(`${method} ${path} takes no X-Request-Id`);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!response.headers?.["X-Request-Id"]) missing.push(`${method} ${path} ${status} carries no X-Request-Id`);
        }
      }
    }
    expect(missing).toEqual([]);
    for (const { method, path } of routes) {
      const response = await fetch(server.url + path.replace(/\{(\w+)\}/g, "some-$1"), { method, headers: { ...server.auth, "x-request-id": "openapi-check.1" } });
      await response.body?.cancel();
      expect(response.headers.get("x-request-id"), `${method} ${path}`).toBe("openapi-check.1");
    }
  });

  it("lists the refusals any request may get on every operation, and those of bodies on every change", () => {
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, { responses }] of Object.entries(operations)) {
        const expected = ["400", "401", "429", "431", "500", "503", ...(method === "get" ? [] : ["403", "413", "415"])];
        expect(Object.keys(responses), `${method} ${path}`).toEqual(expect.arrayContaining(expected));
      }
    }
  });
});
