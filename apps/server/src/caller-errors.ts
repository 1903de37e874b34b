/**
 * What an error means for the caller, in one place for REST and tRPC: the runtime's client
 * errors, invalid requests and values Postgres refuses are the caller's (4xx); a database that
 * cannot be reached is a 503 to try again after; anything else is a failure of the server.
 */
import { problemAt, type Problem } from "@flowcraft/definition";
import { ClientError, type ClientErrorCode } from "@flowcraft/runtime";
import { ZodError } from "zod";
import { AccessError } from "./accounts/access-errors.ts";
import { databaseUnavailable, sqlStateOf } from "@flowcraft/db";
import { InvalidJsonError } from "./rest/json-text.ts";

/** An error to answer with its status (4xx, or 503); `problems` address what was wrong, by node and field. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  problems?: Problem[];
  /** For 429 and 503: when the caller may try again. */
  retryAfterSeconds?: number;
}

const STATUS_OF: Record<ClientErrorCode, number> = { not_found: 404, conflict: 409, invalid: 400, forbidden: 403 };

/** Postgres error codes that mean the request carried a value it cannot store or compare. */
const DATABASE_INPUT_ERRORS: Record<string, string> = {
  "22P02": "a value is not valid for its type",
  "22P05": "a value holds a character Postgres cannot store",
  "22021": "a value is not valid text",
  "22003": "a number is out of range",
  "22008": "a date is out of range",
  "22007": "a date is not valid",
};

/** Long enough for a restart or fail-over to get somewhere, short enough for a poller. */
export const RETRY_AFTER_UNAVAILABLE_S = 5;

/** How to answer `error`: the caller's 4xx, a 503 while the database cannot be reached, or null when the server failed (500). */
export function answerOf(error: unknown): ErrorAnswer | null {
  const mine = callerErrorOf(error);
  if (mine) return mine;
  if (!databaseUnavailable(error)) return null;
  const message = `the database cannot be reached; try again in ${RETRY_AFTER_UNAVAILABLE_S} s`;
  return { status: 503, code: "unavailable", message, retryAfterSeconds: RETRY_AFTER_UNAVAILABLE_S };
}

/** The caller's share of `error`, or null when the server failed. */
export function callerErrorOf(error: unknown): ErrorAnswer | null {
  if (error instanceof ClientError) {
    return { status: STATUS_OF[error.code], code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) };
  }
  if (error instanceof ZodError) {
    const problems = error.issues.map((issue) => problemAt(issue.path, issue.message));
    const summary = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ");
    return { status: 400, code: "invalid", message: `invalid request: ${summary}`, problems };
  }
  if (error instanceof AccessError) {
    return { status: error.status, code: error.code, message: error.message, ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}) };
  }
  if (error instanceof InvalidJsonError) return { status: 400, code: "invalid_json", message: error.message };
  if (!(error instanceof Error)) return null;
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  const state = sqlStateOf(error);
  if (state !== null && state in DATABASE_INPUT_ERRORS) {
    // A value the checks before let through but Postgres refuses: still the caller's input.
    return { status: 400, code: "invalid", message: `${DATABASE_INPUT_ERRORS[state]}: ${databaseMessageOf(error)}` };
  }
  if (typeof statusCode === "number" && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, code: codeOf(statusCode), message: friendly(code, error.message) };
  }
  return null;
}

function codeOf(status: number): string {
  if (status === 413) return "too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 404) return "not_found";
  return "invalid";
}

/** Fastify's wording for the errors callers meet most, in the API's words. */
function friendly(code: unknown, message: string): string {
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "request body is too large";
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "send the body as application/json";
    default:
      return message;
  }
}

type WrappedByPrisma = { meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } };

/** Postgres's own words: Prisma's message around them also quotes this server's source. */
function databaseMessageOf(error: Error): string {
  const original = (error as WrappedByPrisma).meta?.driverAdapterError?.cause?.originalMessage;
  return typeof original === "string" ? original : error.message;
}
