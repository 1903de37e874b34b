/** JSON bodies: empty means "no value", anything unparsable is a 400 naming the problem. */
import type { FastifyInstance } from "fastify";

export class InvalidJsonError extends Error {
  statusCode = 400;
  code = "invalid_json";
}

export function installJsonBody(app: FastifyInstance) {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(["application/json", "text/plain"], { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, undefined);
    if (text.includes("\\u0000") || text.includes("\u0000")) {
      return done(new InvalidJsonError("request body holds a NUL character (\\u0000), which cannot be stored"), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new InvalidJsonError(`request body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
}
