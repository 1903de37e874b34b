/**
 * Built-in `http`: the step's input expression yields {method, url, headers, body}; the step's
 * timeout bounds the request.
 * Output is {status, headers, body}; a non-2xx status is a failure the retry policy handles.
 * Workflows are untrusted: the request reaches only public addresses and those the worker's
 * allowlist names, on every redirect too, and the answer is read only up to a size cap. URLs in
 * its messages never show a user name or password.
 */
import { context, propagation } from "@opentelemetry/api";
import { withSecrets, type SecretSource } from "../secrets/placeholders.ts";
import type { Json } from "@flowcraft/engine";
import { fetch, type Response } from "undici";
import { ActivityError, type ActivityFunction } from "../sdk.ts";
import type { HttpAllowlist } from "./http-allowlist.ts";
import { HttpGuard, HttpRefusal } from "./http-guard.ts";
import { hasCredentials, redactCredentials, redactedUrl } from "./url-credentials.ts";

/** Largest response body kept: the output is stored in history. */
export const HTTP_MAX_RESPONSE_BYTES = 1024 * 1024;
/** Redirects followed per request: enough for http to https and a moved resource, not for a loop. */
export const HTTP_MAX_REDIRECTS = 5;
/** Where the refusal message tells an operator to allow a host. */
const ALLOWLIST_SETTING = "FLOWCRAFT_HTTP_ALLOW";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Sent on a redirect only to the origin they were meant for. */
const CREDENTIAL_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);
/** Describe a body, so they go when a redirect drops the body. */
const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding", "content-language", "content-location"]);

interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The http activity of a worker, which may reach the non-public hosts the allowlist names. */
export function createHttpActivity(allowlist: HttpAllowlist, secrets?: SecretSource): ActivityFunction {
  const guard = new HttpGuard(allowlist);
  return async (input, { signal }) => {
    const request = parseRequest(input);
    const describe = `http ${request.method} ${redactedUrl(request.url)}`;
    let body: string;
    let response: Response;
    try {
      response = await follow(request, guard, secrets, signal);
      body = await readCapped(response, describe);
    } catch (error) {
      throw failure(error, describe, signal);
    }
    const output = { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: parseBody(response, body) };
    if (!response.ok) throw new ActivityError(`${describe} answered ${response.status}`, "HttpError", output);
    return output;
  };
}

function parseRequest(input: Json): HttpRequest {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ActivityError("http input must be an object like {method, url, headers, body}", "InvalidInput");
  }
  const { method = "GET", url, headers = {}, body } = input as Record<string, Json>;
  if (typeof method !== "string" || !/^[A-Za-z]+$/.test(method)) throw new ActivityError("http method must be a word like GET", "InvalidInput");
  if (typeof url !== "string") throw new ActivityError("http url must be a string", "InvalidInput");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ActivityError(`http url "${redactCredentials(url)}" is not a valid URL`, "InvalidInput");
  }
  // fetch refuses them anyway; said here, the error names the way that works and repeats nothing.
  if (hasCredentials(parsed)) {
    throw new ActivityError(
      `http url ${redactedUrl(parsed)} holds a user name or password, which are not sent from a URL: send them in an authorization header, e.g. as a {{secret:<name>}}`,
      "InvalidInput",
    );
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new ActivityError("http url must use http or https", "InvalidInput");
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) throw new ActivityError("http headers must be an object", "InvalidInput");
  const headerMap = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  let text: string | undefined;
  if (body !== undefined && body !== null) {
    text = typeof body === "string" ? body : JSON.stringify(body);
    if (typeof body !== "string" && !Object.keys(headerMap).some((k) => k.toLowerCase() === "content-type")) {
      headerMap["content-type"] = "application/json";
    }
  }
  return { method: method.toUpperCase(), url: parsed, headers: headerMap, body: text };
}

/** Sends the request and follows redirects by hand, so that each target is checked. */
async function follow(first: HttpRequest, guard: HttpGuard, secrets: SecretSource | undefined, signal: AbortSignal): Promise<Response> {
  let request = first;
  for (let redirects = 0; ; redirects++) {
    try {
      guard.checkAddressHost(request.url);
      // Filled in per hop, for that hop's host: a redirect elsewhere never carries a secret along.
      const filled = await withSecrets(request, secrets);
      const { url, headers, body } = filled.request;
      let response: Response;
      try {
        response = await fetch(url, { method: request.method, headers: withTraceContext(headers), body, signal, redirect: "manual", dispatcher: guard.dispatcher });
      } catch (error) {
        // The library's words may quote a header or URL it refused, secrets and all.
        throw hideSecrets(error, filled.hide);
      }
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null) return response;
      await response.body?.cancel();
      if (redirects === HTTP_MAX_REDIRECTS) throw new ActivityError(`http ${first.method} ${redactedUrl(first.url)} redirected more than ${HTTP_MAX_REDIRECTS} times`, "HttpError");
      request = redirected(request, response.status, new URL(location, request.url));
    } catch (error) {
      const refusal = refusalIn(error);
      if (refusal && request !== first) throw new HttpRefusal(`redirected to ${redactedUrl(request.url)}: ${refusal.message}`);
      throw error;
    }
  }
}

/** The request to send for a redirect, as browsers make it. */
function redirected(request: HttpRequest, status: number, url: URL): HttpRequest {
  const from = `http ${request.method} ${redactedUrl(request.url)} redirected to ${redactedUrl(url)}`;
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ActivityError(`${from}, which is not http or https`, "HttpError");
  if (hasCredentials(url)) throw new ActivityError(`${from}, which holds a user name or password`, "HttpError");
  const becomesGet = (status === 303 && request.method !== "HEAD") || ((status === 301 || status === 302) && request.method === "POST");
  const crossOrigin = url.origin !== request.url.origin;
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => !(becomesGet && BODY_HEADERS.has(name.toLowerCase())) && !(crossOrigin && CREDENTIAL_HEADERS.has(name.toLowerCase()))),
  );
  return becomesGet ? { method: "GET", url, headers, body: undefined } : { ...request, url, headers };
}

/** Reads the body as it arrives and stops as soon as it is over the cap, whatever the headers said. */
async function readCapped(response: Response, describe: string): Promise<string> {
  const tooLarge = () => new ActivityError(`${describe}: the response is over ${HTTP_MAX_RESPONSE_BYTES} bytes`, "HttpError");
  if (Number(response.headers.get("content-length") ?? 0) > HTTP_MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > HTTP_MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function parseBody(response: Response, raw: string): Json {
  if (!(response.headers.get("content-type") ?? "").includes("json") || raw.length === 0) return raw;
  try {
    return JSON.parse(raw) as Json;
  } catch {
    return raw;
  }
}

/** The refusal behind an error: thrown by the guard, or by the lookup inside fetch. */
function refusalIn(error: unknown): HttpRefusal | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof HttpRefusal) return cause;
  }
  return undefined;
}

/** The error with the secrets' values out of its message and its cause's. */
function hideSecrets(error: unknown, hide: (text: string) => string): unknown {
  if (!(error instanceof Error) || error instanceof ActivityError || error instanceof HttpRefusal) return error;
  const cause = error.cause instanceof Error ? hideSecrets(error.cause, hide) : error.cause;
  const hidden = new Error(hide(error.message), { cause });
  hidden.name = error.name;
  return hidden;
}

/**
 * The headers with the trace context of the attempt's span (`traceparent`), when traces are on
 * and the step did not set one itself.
 */
function withTraceContext(headers: Record<string, string>): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const set = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  const added = Object.entries(carrier).filter(([name]) => !set.has(name.toLowerCase()));
  return added.length === 0 ? headers : { ...headers, ...Object.fromEntries(added) };
}

function failure(error: unknown, describe: string, signal: AbortSignal): ActivityError {
  if (error instanceof ActivityError) return error;
  const refusal = refusalIn(error);
  // Refused whatever the attempt: only the worker's configuration can change that.
  if (refusal) return new ActivityError(`${describe} refused: ${refusal.message}; allow it with ${ALLOWLIST_SETTING}`, "HttpRefused", undefined, { nonRetryable: true });
  if (signal.aborted) return new ActivityError(`${describe} timed out`, "ActivityTimeout");
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  // The library's own words may quote the URL it was given, credentials and all.
  return new ActivityError(redactCredentials(`${describe} failed: ${(error as Error).message}${cause}`), "HttpError");
}
