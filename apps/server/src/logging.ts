/**
 * The log of the server and of worker processes: JSON lines through one pino logger, which the
 * runtime's lines go through too. Each request gets an id (the caller's X-Request-Id when it is a
 * sane one), echoed in the answer and carried on its lines, and one line when it is answered;
 * each 5xx an error line with its cause and the request, headers included, so that a failure can
 * be followed up. Credentials never reach it: the Authorization, Cookie and CSRF headers are
 * redacted, bodies (passwords) are never logged, approval links and webhook URLs lose their token,
 * and every line is cleaned of credentials wherever they are (log-redaction.ts).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { pino, type Logger, type LoggerOptions } from "pino";
import { CSRF_HEADER } from "./accounts/access.ts";
import { REDACTED, redactText, redactValue } from "./log-redaction.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  level: LogLevel;
  /** Where the lines go; standard output when absent. */
  stream?: { write(line: string): void };
}

const SECRET_HEADERS = ["authorization", "proxy-authorization", "cookie", CSRF_HEADER];

/** The path of an approval link is its secret, and so is a webhook URL's last segment. */
const urlForLogs = (url: string) =>
  redactText(url.replace(/^\/approval-links\/[^?#]*/, `/approval-links/${REDACTED}`).replace(/^(\/hooks\/[^/?#]*\/)[^?#]*/, `$1${REDACTED}`));

/** The logger of a server or worker process: pino with the request serializer and the redactions above. */
export function createLogger({ level, stream }: LogOptions): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: [...SECRET_HEADERS.map((name) => `req.headers["${name}"]`), 'res.headers["set-cookie"]'], censor: REDACTED },
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: urlForLogs(request.url), remoteAddress: request.ip, headers: redactValue({ ...request.headers }) }),
      err: pino.stdSerializers.err,
    },
    hooks: {
      // Every argument of every line, the message too: fields, errors and texts lose their credentials.
      logMethod(args, write) {
        write.apply(this, args.map((arg) => redactValue(arg)) as Parameters<typeof write>);
      },
    },
  };
  // Pino's own standard output writes synchronously: a line logged just before the process exits is not lost.
  return stream ? pino(options, stream) : pino(options);
}

/** Longest request id taken from a caller; a longer or stranger one is replaced. */
const MAX_REQUEST_ID_LENGTH = 128;
const REQUEST_ID = new RegExp(`^[A-Za-z0-9._:-]{1,${MAX_REQUEST_ID_LENGTH}}$`);
export const REQUEST_ID_HEADER = "x-request-id";

/** The caller's request id when it is short and plain (it goes into every line of the request), else a new one. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Answers every request with its id, so a caller can find its lines. */
export function echoRequestIds(app: FastifyInstance) {
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
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
