import { describe, expect, it } from "vitest";
import { databaseUnavailable, sqlStateOf } from "./database-errors.ts";

/** An error as node-postgres raises it for an answer of Postgres. */
const postgresError = (code: string, message = "from Postgres") => Object.assign(new Error(message), { code, severity: "ERROR" });
/** The same, wrapped by Prisma's driver adapter (a PrismaClientKnownRequestError's shape). */
const wrappedByPrisma = (cause: Record<string, unknown>, code = "P2039") =>
  Object.assign(new Error("Invalid `prisma.instance.findMany()` invocation"), { code, meta: { driverAdapterError: Object.assign(new Error("adapter"), { cause }) } });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });

describe("databaseUnavailable", () => {
  it.each([
    ["connection refused", socketError("ECONNREFUSED")],
    ["connection reset", socketError("ECONNRESET")],
    ["a connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["a connection that timed out", new Error("Connection terminated due to connection timeout")],
    ["the pool's wait running out", new Error("timeout exceeded when trying to connect")],
    ["an administrator's shutdown (57P01)", postgresError("57P01", "terminating connection due to administrator command")],
    ["a server starting up (57P03)", postgresError("57P03")],
    ["a connection failure (08006)", postgresError("08006")],
    ["too many connections (53300)", postgresError("53300")],
    ["Prisma: cannot reach the database", wrappedByPrisma({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 }, "P1001")],
    ["Prisma: connection closed", wrappedByPrisma({ kind: "ConnectionClosed" })],
    ["Prisma: a shutdown", wrappedByPrisma({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["Prisma: no connection from its pool in time", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" })],
    ["a cause of a cause", Object.assign(new Error("outer"), { cause: Object.assign(new Error("inner"), { cause: socketError("ECONNREFUSED") }) })],
  ])("holds for %s", (_name, error) => {
    expect(databaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", postgresError("23505")],
    ["a syntax error", postgresError("42601")],
    ["Prisma: a unique violation", wrappedByPrisma({ kind: "UniqueConstraintViolation", originalCode: "23505" }, "P2002")],
    ["a bug", new TypeError("cannot read properties of undefined")],
    ["not an error", "ECONNREFUSED"],
  ])("does not hold for %s", (_name, error) => {
    expect(databaseUnavailable(error)).toBe(false);
  });
});

describe("sqlStateOf", () => {
  it("finds the SQLSTATE whether node-postgres raised the error or Prisma wrapped it", () => {
    expect(sqlStateOf(wrappedByPrisma({ kind: "postgres", code: "22021", originalCode: "22021" }))).toBe("22021");
    expect(sqlStateOf(postgresError("22P02"))).toBe("22P02");
    expect(sqlStateOf(socketError("ECONNREFUSED"))).toBeNull();
  });
});
