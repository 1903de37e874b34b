/**
 * Whether an error means the database could not be reached or dropped the connection, as
 * opposed to refusing a statement: the first passes when the database is back, the second is
 * about what was sent.
 */

/** Socket errors of a connection that failed or broke. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** SQLSTATEs of a server shutting down, starting up or out of connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** What node-postgres says, with no code, when a connection ends or a pool cannot get one. */
const UNAVAILABLE_MESSAGE = /connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|not queryable|connect ECONNREFUSED/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && typeof cause === "object" && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}
