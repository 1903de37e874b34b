/** One error shape for every 4xx/5xx answer: {error: {code, message, problems?}}. */
import type { FastifyError, FastifyInstance } from "fastify";
import { ClientError, type ClientErrorCode } from "@flowcraft/runtime";
import { ZodError } from "zod";
import { InvalidJsonError } from "./json-body.ts";

const STATUS_OF: Record<ClientErrorCode, number> = { not_found: 404, conflict: 409, invalid: 400 };

/** Postgres error codes that mean the request carried a value it cannot store or compare. */
const DATABASE_INPUT_ERRORS: Record<string, string> = {
  "22P05": "a value holds a character Postgres cannot store",
  "22021": "a value is not valid text",
  "22003": "a number is out of range",
  "22008": "a date is out of range",
  "22007": "a date is not valid",
};

export interface ErrorBody {
  error: { code: string; message: string; problems?: unknown[] };
}

export function errorBody(code: string, message: string, problems?: unknown[]): ErrorBody {
  return { error: { code, message, ...(problems ? { problems } : {}) } };
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ClientError) {
      return reply.status(STATUS_OF[error.code]).send(errorBody(error.code, error.message, error.problems));
    }
    if (error instanceof ZodError) {
      const problems = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      const summary = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ");
      return reply.status(400).send(errorBody("invalid", `invalid request: ${summary}`, problems));
    }
    if (error instanceof InvalidJsonError) return reply.status(400).send(errorBody("invalid_json", error.message));
    const pgCode = (error as { code?: unknown }).code;
    if (typeof pgCode === "string" && pgCode in DATABASE_INPUT_ERRORS) {
      // A value the checks above let through but Postgres refuses: still the caller's input.
      return reply.status(400).send(errorBody("invalid", `${DATABASE_INPUT_ERRORS[pgCode]}: ${error.message}`));
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(codeOf(status), friendly(error as FastifyError)));
    }
    request.log.error(error);
    return reply.status(500).send(errorBody("internal", "the server failed to handle this request; it has been logged"));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody("not_found", `no route for ${request.method} ${request.url.split("?")[0]}`)),
  );
}

function codeOf(status: number): string {
  if (status === 413) return "too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 404) return "not_found";
  return "invalid";
}

function friendly(error: FastifyError): string {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "request body is too large";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "send the body as application/json";
    default:
      return error.message;
  }
}
