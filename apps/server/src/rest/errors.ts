/** One error shape for every 4xx/5xx answer: {error: {code, message, problems?}}. */
import type { FastifyInstance } from "fastify";
import { callerErrorOf } from "../caller-errors.ts";

export interface ErrorBody {
  error: { code: string; message: string; problems?: unknown[] };
}

export function errorBody(code: string, message: string, problems?: unknown[]): ErrorBody {
  return { error: { code, message, ...(problems ? { problems } : {}) } };
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const mapped = callerErrorOf(error);
    if (mapped?.retryAfterSeconds !== undefined) void reply.header("retry-after", String(mapped.retryAfterSeconds));
    if (mapped) return reply.status(mapped.status).send(errorBody(mapped.code, mapped.message, mapped.problems));
    request.log.error(error);
    return reply.status(500).send(errorBody("internal", "the server failed to handle this request; it has been logged"));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody("not_found", `no route for ${request.method} ${request.url.split("?")[0]}`)),
  );
}
