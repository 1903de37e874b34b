/**
 * Request bodies are JSON, sent as application/json in UTF-8 (a charset, if named, must be
 * UTF-8); an empty body is no value. A body of any other type, or with no Content-Type, is refused
 * with 415: guessing would read form fields or plain text as something the caller never meant.
 * What the JSON may hold is checked by json-text.ts.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { parseJsonText, utf8TextOf } from "./json-text.ts";

export const JSON_MEDIA_TYPE = "application/json";

export class UnsupportedMediaTypeError extends Error {
  readonly statusCode = 415;
  readonly code = "unsupported_media_type";
}

/** Parses JSON bodies into their values, and refuses every other type. */
export function installJsonBody(app: FastifyInstance) {
  app.removeContentTypeParser([JSON_MEDIA_TYPE, "text/plain"]);
  addJsonParser(app, (text) => parseJsonText(text, "request body"));
  // Every other type; Fastify sends requests without a Content-Type here too.
  app.addContentTypeParser("*", (request, _payload, done) => {
    if (request.is404) return done(null, undefined);
    done(new UnsupportedMediaTypeError(unsupportedTypeMessage(request.headers["content-type"])), undefined);
  });
}

/** In `scope`, hands JSON bodies on as their text once checked, for tRPC, which parses its input itself. */
export function passCheckedJsonText(scope: FastifyInstance) {
  scope.removeContentTypeParser(JSON_MEDIA_TYPE);
  addJsonParser(scope, (text) => {
    parseJsonText(text, "request body");
    return text;
  });
}

/** Unknown routes are left unparsed by both parsers: they answer 404, whatever their body. */
function addJsonParser(app: FastifyInstance, bodyOf: (text: string) => unknown) {
  app.addContentTypeParser(JSON_MEDIA_TYPE, { parseAs: "buffer" }, (request, body, done) => {
    if (request.is404) return done(null, undefined);
    try {
      checkCharset(request);
      done(null, bodyOf(utf8TextOf(body as Buffer, "request body")));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/** A JSON body's charset, if named, must be UTF-8: JSON is exchanged in nothing else (RFC 8259). */
function checkCharset(request: FastifyRequest) {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(request.headers["content-type"] ?? "")?.[1]?.toLowerCase() ?? "utf-8";
  if (charset !== "utf-8" && charset !== "utf8") {
    throw new UnsupportedMediaTypeError(`send the body as ${JSON_MEDIA_TYPE} in UTF-8, not ${charset.slice(0, 40)}`);
  }
}

function unsupportedTypeMessage(contentType: string | undefined): string {
  if (contentType === undefined) return `the request has a body but no Content-Type; send it as ${JSON_MEDIA_TYPE} (UTF-8)`;
  const mediaType = contentType.split(";", 1)[0]!.trim().toLowerCase().slice(0, 100);
  return `send the body as ${JSON_MEDIA_TYPE} (UTF-8), not ${mediaType || "an empty Content-Type"}`;
}
