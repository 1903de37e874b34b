import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { http } from "./http.ts";

let server: Server;
let base = "";
let failuresLeft = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/flaky" && failuresLeft-- > 0) {
      response.statusCode = 503;
      response.end("busy");
      return;
    }
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ method: request.method, url: request.url, body, type: request.headers["content-type"] ?? null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const context = () => ({ instanceId: "i", activityId: "a", attempt: 1, signal: new AbortController().signal });

describe("http activity", () => {
  it("sends method, headers and a JSON body, and parses a JSON answer", async () => {
    const output = await http({ method: "post", url: `${base}/orders`, body: { id: 7 } }, context());
    expect(output).toMatchObject({ status: 200, body: { method: "POST", url: "/orders", body: '{"id":7}', type: "application/json" } });
  });

  it("treats a non-2xx answer as a failure that carries the response", async () => {
    failuresLeft = 1;
    await expect(http({ url: `${base}/flaky` }, context())).rejects.toMatchObject({
      errorName: "HttpError",
      message: expect.stringContaining("answered 503"),
      details: { status: 503, body: "busy" },
    });
  });

  it.each([
    [null, /must be an object/],
    [{ url: 42 }, /url must be a string/],
    [{ url: "not a url" }, /not a valid URL/],
    [{ url: "file:///etc/passwd" }, /http or https/],
    [{ url: `http://x`, method: "GET /" }, /method/],
  ])("refuses bad input %j with a clear error", async (input, message) => {
    await expect(http(input as never, context())).rejects.toMatchObject({ errorName: "InvalidInput", message: expect.stringMatching(message) });
  });
});
