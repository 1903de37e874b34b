import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ipaddr from "ipaddr.js";
import { HttpAllowlist } from "./http-allowlist.ts";
import { nonPublicKind } from "./http-guard.ts";
import { createHttpActivity, HTTP_MAX_REDIRECTS, HTTP_MAX_RESPONSE_BYTES } from "./http.ts";

/** The test servers listen on loopback, which only an allowlist lets the activity reach. */
const http = createHttpActivity(HttpAllowlist.parse(["127.0.0.1"]));
const publicOnly = createHttpActivity(HttpAllowlist.NONE);

let failuresLeft = 0;
/** Bytes the endless response wrote before the client went away. */
let endlessWritten = 0;
let endlessClosed: Promise<void> = Promise.resolve();

function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url!, "http://x");
  const to = url.searchParams.get("to");
  if (url.pathname === "/flaky" && failuresLeft-- > 0) {
    response.statusCode = 503;
    response.end("busy");
  } else if (url.pathname.startsWith("/redirect/") && to) {
    response.writeHead(Number(url.pathname.slice("/redirect/".length)), { location: to }).end();
  } else if (url.pathname === "/redirect-with-credentials") {
    response.writeHead(302, { location: `http://alice:hunter2@${request.headers.host}/echo` }).end();
  } else if (url.pathname === "/loop") {
    response.writeHead(302, { location: "/loop" }).end();
  } else if (url.pathname === "/declared-too-large") {
    response.writeHead(200, { "content-length": String(HTTP_MAX_RESPONSE_BYTES + 1) }).end();
  } else if (url.pathname === "/endless") {
    // No content-length: chunked, so only counting what arrives can stop it.
    endlessWritten = 0;
    endlessClosed = new Promise((resolve) => response.on("close", resolve));
    const chunk = Buffer.alloc(64 * 1024, "x");
    const write = () => {
      while (!response.destroyed && endlessWritten < 256 * 1024 * 1024) {
        endlessWritten += chunk.length;
        if (!response.write(chunk)) return void response.once("drain", write);
      }
      response.end();
    };
    write();
  } else {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const { authorization = null, cookie = null } = request.headers;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ method: request.method, url: request.url, body, type: request.headers["content-type"] ?? null, authorization, cookie }));
    });
  }
}

let servers: Server[] = [];
/** Two origins: a redirect from one to the other crosses origins. */
let base = "";
let other = "";

beforeAll(async () => {
  servers = [createServer(handle), createServer(handle)];
  [base = "", other = ""] = await Promise.all(
    servers.map(async (server) => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }),
  );
});
afterAll(() => Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve())))));

const context = () => ({ instanceId: "i", activityId: "a", attempt: 1, signal: new AbortController().signal, heartbeat: () => {}, heartbeatDetails: undefined });

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

describe("http activity: where it may connect", () => {
  it.each([
    ["http://127.0.0.1:9/", "127.0.0.1 is a loopback address"],
    ["http://2130706433/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["http://017700000001/", "127.0.0.1 is a loopback address"],
    ["http://[::1]/", "::1 is a loopback address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["http://0.0.0.0/", "0.0.0.0 is an unspecified address"],
    ["http://0/", "0.0.0.0 is an unspecified address"],
    ["http://[::]/", ":: is an unspecified address"],
    ["http://10.1.2.3/", "10.1.2.3 is a private address"],
    ["http://172.16.0.1/", "172.16.0.1 is a private address"],
    ["http://192.168.1.1/", "192.168.1.1 is a private address"],
    ["http://[fc00::1]/", "fc00::1 is a private address"],
    ["http://[fd12:3456::1]/", "fd12:3456::1 is a private address"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"],
    ["http://[fe80::1]/", "fe80::1 is a link-local address"],
    ["http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address"],
    ["http://224.0.0.1/", "224.0.0.1 is a multicast address"],
    ["http://[ff02::1]/", "ff02::1 is a multicast address"],
  ])("refuses %s, with or without credentials, and says how to allow it", async (url, reason) => {
    for (const headers of [{}, { authorization: "Bearer secret" }] as Array<Record<string, string>>) {
      await expect(publicOnly({ url, headers }, context())).rejects.toMatchObject({
        errorName: "HttpRefused",
        message: `http GET ${new URL(url)} refused: ${reason}; allow it with FLOWCRAFT_HTTP_ALLOW`,
        options: { nonRetryable: true },
      });
    }
  });

  it("refuses a host name that resolves to a loopback address", async () => {
    const port = new URL(base).port;
    await expect(publicOnly({ url: `http://localhost:${port}/` }, context())).rejects.toMatchObject({
      errorName: "HttpRefused",
      message: expect.stringMatching(new RegExp(`^http GET http://localhost:${port}/ refused: localhost resolves to (127\\.0\\.0\\.1|::1), a loopback address`)),
    });
  });

  it.each([["localhost"], ["127.0.0.0/8,::1"], ["127.0.0.1,::1"]])("reaches loopback when the allowlist names it: %s", async (allow) => {
    const allowed = createHttpActivity(HttpAllowlist.parse(allow.split(",")));
    const port = new URL(base).port;
    await expect(allowed({ url: `http://localhost:${port}/hello` }, context())).resolves.toMatchObject({ status: 200, body: { url: "/hello" } });
  });

  it("refuses a redirect from an allowed host to a refused one", async () => {
    const url = `${base}/redirect/302?to=${encodeURIComponent("http://169.254.169.254/latest/meta-data")}`;
    await expect(http({ url }, context())).rejects.toMatchObject({
      errorName: "HttpRefused",
      message: `http GET ${url} refused: redirected to http://169.254.169.254/latest/meta-data: 169.254.169.254 is a link-local address; allow it with FLOWCRAFT_HTTP_ALLOW`,
    });
  });

  it("keeps credentials on a redirect within the origin and drops them on one to another origin", async () => {
    const headers = { authorization: "Bearer secret", cookie: "session=1", "x-trace": "t" };
    const same = await http({ url: `${base}/redirect/307?to=/echo`, headers }, context());
    expect(same).toMatchObject({ body: { url: "/echo", authorization: "Bearer secret", cookie: "session=1" } });
    const cross = await http({ url: `${base}/redirect/307?to=${encodeURIComponent(`${other}/echo`)}`, headers }, context());
    expect(cross).toMatchObject({ body: { url: "/echo", authorization: null, cookie: null } });
  });

  it("turns a POST into a GET without its body on a 303, and keeps both on a 307", async () => {
    const post = { method: "POST", body: { id: 1 } };
    expect(await http({ ...post, url: `${base}/redirect/303?to=/echo` }, context())).toMatchObject({ body: { method: "GET", body: "", type: null } });
    expect(await http({ ...post, url: `${base}/redirect/307?to=/echo` }, context())).toMatchObject({ body: { method: "POST", body: '{"id":1}' } });
  });

  it("gives up after a few redirects", async () => {
    await expect(http({ url: `${base}/loop` }, context())).rejects.toMatchObject({
      errorName: "HttpError",
      message: `http GET ${base}/loop redirected more than ${HTTP_MAX_REDIRECTS} times`,
    });
  });
});

describe("http activity: IPv6 addresses that carry an IPv4 address", () => {
  /** A loopback server that no request may reach: it counts those that do. */
  let target: Server;
  let port = 0;
  let reached = 0;

  beforeAll(async () => {
    target = createServer((_request, response) => {
      reached++;
      response.end("reached");
    });
    await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));
    port = (target.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

  it.each([
    ["IPv4-mapped", "::ffff:127.0.0.1", "::ffff:7f00:1 is a loopback address"],
    ["IPv4-compatible", "::127.0.0.1", "::7f00:1 is an IPv4-compatible address of 127.0.0.1, a loopback address"],
    ["IPv4-translated", "::ffff:0:127.0.0.1", "::ffff:0:7f00:1 is an IPv4-translated address of 127.0.0.1, a loopback address"],
    ["NAT64", "64:ff9b::127.0.0.1", "64:ff9b::7f00:1 is a NAT64 address of 127.0.0.1, a loopback address"],
    ["local-use NAT64", "64:ff9b:1::7f00:1", "64:ff9b:1::7f00:1 is a local-use NAT64 address, which the local network translates as it chooses"],
    ["6to4", "2002:7f00:1::1", "2002:7f00:1::1 is a 6to4 address of 127.0.0.1, a loopback address"],
    // Teredo: server 65.54.227.120, client 127.0.0.1 stored inverted (80ff:fffe).
    ["Teredo (client)", "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:4136:e378:8000:63bf:80ff:fffe is a Teredo address of 127.0.0.1, a loopback address"],
    // Teredo: server 127.0.0.1, client 8.8.8.8 stored inverted (f7f7:f7f7).
    ["Teredo (server)", "2001:0:7f00:1::f7f7:f7f7", "2001:0:7f00:1::f7f7:f7f7 is a Teredo address of 127.0.0.1, a loopback address"],
  ])("refuses the %s form of the loopback server without reaching it", async (_form, host, reason) => {
    const url = `http://[${host}]:${port}/`;
    await expect(publicOnly({ url }, context())).rejects.toMatchObject({
      errorName: "HttpRefused",
      message: `http GET ${new URL(url)} refused: ${reason}; allow it with FLOWCRAFT_HTTP_ALLOW`,
    });
    if (!host.startsWith("::ffff:127")) {
      // Allowing 127.0.0.1 allows that address, not a tunnel or translator that leads to it.
      await expect(http({ url }, context())).rejects.toMatchObject({ errorName: "HttpRefused" });
    }
    expect(reached).toBe(0);
  });

  it.each([
    ["IPv4-compatible", "::808:808"],
    ["IPv4-translated", "::ffff:0:808:808"],
    ["NAT64", "64:ff9b::808:808"],
    ["6to4", "2002:808:808::1"],
    ["Teredo", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"],
  ])("judges the %s form of a public address as public", (_form, host) => {
    expect(nonPublicKind(ipaddr.process(host))).toBeNull();
  });
});

describe("http activity: credentials in URLs", () => {
  const user = "alice";
  const password = "hunter2";
  /** Every text an error carries: what history and the instance's failure would keep of it. */
  const storedText = (error: unknown) => JSON.stringify({ ...(error as object), message: (error as Error).message });
  const failureOf = async (step: unknown) => {
    const error = await Promise.resolve(step).then(() => expect.fail("the step succeeded"), (e: unknown) => e);
    expect(storedText(error)).not.toMatch(new RegExp(`${user}|${password}`));
    return error;
  };

  it("refuses a URL that holds a user name and password, without repeating them", async () => {
    const url = `http://${user}:${password}@127.0.0.1:${new URL(base).port}/echo`;
    expect(await failureOf(http({ url }, context()))).toMatchObject({
      errorName: "InvalidInput",
      message: `http url http://***@127.0.0.1:${new URL(base).port}/echo holds a user name or password, which are not sent from a URL: send them in an authorization header, e.g. as a {{secret:<name>}}`,
    });
  });

  it("leaves them out of a URL that does not parse", async () => {
    expect(await failureOf(http({ url: `http://${user}:${password}@exa mple.com/` }, context()))).toMatchObject({
      errorName: "InvalidInput",
      message: 'http url "http://***@exa mple.com/" is not a valid URL',
    });
  });

  it("leaves them out of a redirect's target", async () => {
    const url = `${base}/redirect-with-credentials`;
    expect(await failureOf(http({ url }, context()))).toMatchObject({
      errorName: "HttpError",
      message: `http GET ${url} redirected to http://***@${new URL(base).host}/echo, which holds a user name or password`,
    });
  });

  it("never fills secrets into a URL's user name and password, where an error would show them", async () => {
    const secrets = { resolve: async (name: string) => ({ value: name === "user" ? user : password, hosts: ["127.0.0.1"] }) };
    const withSecrets = createHttpActivity(HttpAllowlist.parse(["127.0.0.1"]), secrets);
    const url = `http://{{secret:user}}:{{secret:password}}@127.0.0.1:${new URL(base).port}/echo`;
    expect(await failureOf(withSecrets({ url }, context()))).toMatchObject({ errorName: "InvalidInput" });
  });

  it("keeps a secret's value out of the error when the request library quotes a header it refused", async () => {
    // A value fetch cannot send (a line break): the library's error quotes the whole header value.
    const value = "token-4711\nsecond line";
    const withSecrets = createHttpActivity(HttpAllowlist.parse(["127.0.0.1"]), { resolve: async () => ({ value, hosts: ["127.0.0.1"] }) });
    const error = await failureOf(withSecrets({ url: `${base}/echo`, headers: { authorization: "Bearer {{secret:api}}" } }, context()));
    expect(error).toMatchObject({ errorName: "HttpError", message: expect.stringContaining("[secret api]") });
    expect(JSON.stringify(error)).not.toContain("token-4711");
  });
});

describe("http activity: response size", () => {
  it("refuses a response whose declared length is over the cap", async () => {
    await expect(http({ url: `${base}/declared-too-large` }, context())).rejects.toMatchObject({ errorName: "HttpError", message: expect.stringContaining(`over ${HTTP_MAX_RESPONSE_BYTES} bytes`) });
  });

  it("stops reading a chunked response as soon as it is over the cap", async () => {
    await expect(http({ url: `${base}/endless` }, context())).rejects.toMatchObject({ errorName: "HttpError", message: expect.stringContaining(`over ${HTTP_MAX_RESPONSE_BYTES} bytes`) });
    await endlessClosed;
    // The server meant to send 256 MiB; the connection closed after about the cap (plus socket buffers).
    expect(endlessWritten).toBeLessThan(32 * 1024 * 1024);
  });
});

describe("http allowlist", () => {
  it.each([["not a host!"], ["10.0.0.0/33"], ["http://example.com"]])("refuses the entry %s", (entry) => {
    expect(() => HttpAllowlist.parse([entry])).toThrow(/neither a host name, an IP address nor a CIDR range/);
  });
});
