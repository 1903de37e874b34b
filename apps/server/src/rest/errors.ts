/** One error shape for every 4xx/5xx answer: {error: {code, message, problems?}}. */
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance } from "fastify";
import { answerOf } from "../caller-errors.ts";
import { logFailure } from "../logging.ts";

export interface ErrorBody {
  error: { code: string; message: string; problems?: unknown[] };
}

export function errorBody(code: string, message: string, problems?: unknown[]): ErrorBody {
  return { error: { code, message, ...(problems ? { problems } : {}) } };
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const answer = answerOf(error);
    if (!answer || answer.status >= 500) logFailure(request, error);
    if (answer?.retryAfterSeconds !== undefined) void reply.header("retry-after", String(answer.retryAfterSeconds));
    if (answer) return reply.status(answer.status).send(errorBody(answer.code, answer.message, answer.problems));
    return reply.status(500).send(errorBody("internal", "the server failed to handle this request; it has been logged"));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody("not_found", `no route for ${request.method} ${request.url.split("?")[0]}`)),
  );
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a URL and headers over its 16 KiB,
 * a request too slow to arrive, bytes that are not HTTP), answered in the one error shape.
 */
export function refuseUnreadableRequest(error: Error & { code?: string }, socket: Socket) {
  if (error.code === "ECONNRESET" || !socket.writable) return;
  const [status, code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "too_large", "the request's URL and headers are too large to read"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "timeout", "the request took too long to arrive"]
        : [400, "invalid", "the request is not valid HTTP"];
  const body = JSON.stringify(errorBody(code, message));
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
