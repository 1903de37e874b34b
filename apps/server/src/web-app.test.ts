import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { installErrorHandling } from "./rest/errors.ts";
import { accepts, historyWatchOf, serveWebApp } from "./web-app.ts";

function builtApp() {
  const dist = mkdtempSync(join(tmpdir(), "flowcraft-web-"));
  mkdirSync(join(dist, "assets"));
  const script = Buffer.from("console.log('app');".repeat(50));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dist, "assets/app-1a2b.js"), script);
  writeFileSync(join(dist, "assets/app-1a2b.js.br"), brotliCompressSync(script));
  writeFileSync(join(dist, "assets/app-1a2b.js.gz"), gzipSync(script));
  const app = Fastify();
  // As the server does, whose own 404 answers in the API's error shape.
  installErrorHandling(app);
  serveWebApp(app, dist);
  return { app, script };
}

describe("serveWebApp", () => {
  it.each([
    ["/", "text/html; charset=utf-8", "no-cache"],
    ["/instances/abc", "text/html; charset=utf-8", "no-cache"],
    ["/assets/missing.js", "text/html; charset=utf-8", "no-cache"],
    ["/assets/app-1a2b.js?v=1", "text/javascript; charset=utf-8", "public, max-age=31536000, immutable"],
  ])("answers %s with %s", async (url, type, cacheControl) => {
    const response = await builtApp().app.inject({ url });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe(type);
    expect(response.headers["cache-control"]).toBe(cacheControl);
  });

  it.each(["/api/v1/instance/x", "/api/nothing?x=1", "/trpc/instances.list/extra"])("answers the API path %s, which no route serves, with a JSON 404 rather than the app", async (url) => {
    const response = await builtApp().app.inject({ url });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toEqual({ error: { code: "not_found", message: `no route for GET ${url.split("?")[0]}` } });
  });

  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["", undefined],
  ])("with Accept-Encoding %j sends %s", async (acceptEncoding, encoding) => {
    const { app, script } = builtApp();
    const response = await app.inject({ url: "/assets/app-1a2b.js", headers: { "accept-encoding": acceptEncoding } });
    expect(response.headers["content-encoding"]).toBe(encoding);
    expect(response.headers.vary).toBe("accept-encoding");
    if (!encoding) expect(response.rawPayload).toEqual(script);
  });
});

describe("an instance page", () => {
  it("names its history's stream in the answer, so the browser asks for it at once", async () => {
    const response = await builtApp().app.inject({ url: "/instances/order%2F7" });
    expect(response.headers.link).toBe("</api/v1/instances/order%2F7/watch?afterSeq=0>; rel=preload; as=fetch; crossorigin");
    expect((await builtApp().app.inject({ url: "/instances" })).headers.link).toBeUndefined();
  });

  it.each([
    ["/instances/a b", "/api/v1/instances/a%20b/watch?afterSeq=0"],
    ["/instances/x%20y/", "/api/v1/instances/x%20y/watch?afterSeq=0"],
    ["/instances/%E0%A4%A", null],
    ["/instances/a/b", null],
    ["/workflows/a", null],
  ])("%s streams %s", (path, watch) => {
    expect(historyWatchOf(path)).toBe(watch);
  });
});

describe("accepts", () => {
  it.each([
    ["br", "br", true],
    ["gzip, br;q=0.5", "br", true],
    ["gzip, br;q=0", "br", false],
    ["BR", "br", true],
    [undefined, "gzip", false],
  ] as const)("%j accepts %s: %s", (header, encoding, expected) => {
    expect(accepts(header, encoding)).toBe(expected);
  });
});
