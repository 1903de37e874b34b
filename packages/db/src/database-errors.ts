/**
 * What a database error says, whether node-postgres raised it or Prisma's driver adapter wrapped
 * it: its SQLSTATE, and whether it means the database cannot be reached right now (stopped,
 * restarting, refusing, overloaded, hung) rather than that this request failed.
 */

/** Connection exceptions (08), shutdowns and start-up (57P01-57P03), too many connections, a database not there (yet). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-3]|53300|3D000)$/;
/** Socket errors of a connection to the database. */
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
/** Prisma's driver adapter's names for the same (`meta.driverAdapterError.cause.kind`). */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "DatabaseDoesNotExist", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Prisma's codes for them: cannot reach, timed out, server closed the connection, no connection from the pool in time. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** What node-postgres says, without a code, when it loses a connection or cannot get one. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end)/;

type Link = Record<string, unknown>;

/** The error, its causes, and what Prisma's driver adapter wrapped, outermost first. */
function* chainOf(error: unknown, depth = 0): Generator<Link> {
  if (depth > 8 || typeof error !== "object" || error === null) return;
  const link = error as Link;
  yield link;
  yield* chainOf(link.cause, depth + 1);
  yield* chainOf((link.meta as Link | undefined)?.driverAdapterError, depth + 1);
}

/** The SQLSTATE Postgres answered with, if the error came from Postgres. */
export function sqlStateOf(error: unknown): string | null {
  for (const link of chainOf(error)) {
    // node-postgres's DatabaseError carries a severity; the adapter's cause, the original code.
    if (typeof link.originalCode === "string") return link.originalCode;
    if (typeof link.code === "string" && typeof link.severity === "string" && /^[0-9A-Z]{5}$/.test(link.code)) return link.code;
  }
  return null;
}

/** Whether `error` means the database cannot be reached now, so that trying again later may succeed. */
export function databaseUnavailable(error: unknown): boolean {
  const state = sqlStateOf(error);
  if (state !== null) return UNAVAILABLE_SQLSTATE.test(state);
  for (const link of chainOf(error)) {
    const { code, kind, errorCode, message } = link;
    if (typeof code === "string" && (UNAVAILABLE_SOCKET_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code))) return true;
    if (typeof errorCode === "string" && UNAVAILABLE_PRISMA_CODES.has(errorCode)) return true;
    if (typeof kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}
