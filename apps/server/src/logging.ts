/**
 * The server's log: JSON lines through Fastify's pino logger. Each request gets one line when it
 * is answered; each 5xx an error line with its cause and the request, headers included, so that a
 * failure can be followed up. Credentials never reach it: the Authorization, Cookie and CSRF
 * headers are redacted, bodies (passwords) are never logged, and approval links, which decide an
 * approval to whoever holds them, lose their token.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { CSRF_HEADER } from "./accounts/access.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  level: LogLevel;
  /** Where the lines go; standard output when absent. */
  stream?: { write(line: string): void };
}

const REDACTED = "[redacted]";
const SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", CSRF_HEADER];

/** The path of an approval link is its secret, and so is a webhook URL's last segment. */
const urlForLogs = (url: string) =>
  url.replace(/^\/approval-links\/[^?#]*/, `/approval-links/${REDACTED}`).replace(/^(\/hooks\/[^/?#]*\/)[^?#]*/, `$1${REDACTED}`);

/** Fastify's logger options: pino with the request serializer and the redactions above. */
export function loggerOptions({ level, stream }: LogOptions): FastifyServerOptions["logger"] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: [...SECRET_HEADERS.map((name) => `req.headers["${name}"]`), 'res.headers["set-cookie"]'], censor: REDACTED },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: urlForLogs(request.url), remoteAddress: request.ip, headers: request.headers }),
    },
  };
}

/** One line per answered request, in place of Fastify's two (which also name every header). */
export class RequestLines extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { method: request.method, url: urlForLogs(request.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    // An error here failed the answer itself, after it began (a stream that broke off).
    if (error) request.log.error({ ...line, err: error }, "request failed while answering");
    else request.log.info(line, "request completed");
  }
}

/** Logs a failure of the server (a 5xx) with its cause and the request it answered. */
export function logFailure(request: FastifyRequest, error: unknown) {
  request.log.error({ err: error, req: request }, `request failed: ${error instanceof Error ? error.message : String(error)}`);
}
