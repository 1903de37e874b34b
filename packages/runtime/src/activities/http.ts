/**
 * Built-in `http`: the step's input expression yields {method, url, headers, body}; the step's
 * timeout bounds the request.
 * Output is {status, headers, body}; a non-2xx status is a failure the retry policy handles.
 */
import type { Json } from "@flowcraft/engine";
import { ActivityError, type ActivityFunction } from "../sdk.ts";

/** Largest response body kept: the output is stored in history. */
export const HTTP_MAX_RESPONSE_BYTES = 1024 * 1024;

interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string | undefined;
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
    throw new ActivityError(`http url "${url}" is not a valid URL`, "InvalidInput");
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

export const http: ActivityFunction = async (input, { signal }) => {
  const request = parseRequest(input);
  let response: Response;
  try {
    response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: "follow" });
  } catch (error) {
    if (signal.aborted) throw new ActivityError(`http ${request.method} ${request.url} timed out`, "ActivityTimeout");
    throw new ActivityError(`http ${request.method} ${request.url} failed: ${(error as Error).message}`, "HttpError");
  }
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > HTTP_MAX_RESPONSE_BYTES) {
    await response.body?.cancel();
    throw new ActivityError(`http response of ${request.url} is over ${HTTP_MAX_RESPONSE_BYTES} bytes`, "HttpError");
  }
  const raw = await response.text();
  if (Buffer.byteLength(raw) > HTTP_MAX_RESPONSE_BYTES) {
    throw new ActivityError(`http response of ${request.url} is over ${HTTP_MAX_RESPONSE_BYTES} bytes`, "HttpError");
  }
  let body: Json = raw;
  if ((response.headers.get("content-type") ?? "").includes("json") && raw.length > 0) {
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      body = raw;
    }
  }
  const output = { status: response.status, headers: Object.fromEntries(response.headers.entries()), body };
  if (!response.ok) {
    throw new ActivityError(`http ${request.method} ${request.url} answered ${response.status}`, "HttpError", output);
  }
  return output;
};
