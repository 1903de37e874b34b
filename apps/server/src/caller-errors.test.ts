import { describe, expect, it } from "vitest";
import { answerOf } from "./caller-errors.ts";

/** An error as node-postgres raises it for an answer of Postgres. */
const postgresError = (code: string, message = "from Postgres") => Object.assign(new Error(message), { code, severity: "ERROR" });
/** The same, wrapped by Prisma's driver adapter (a PrismaClientKnownRequestError's shape). */
const wrappedByPrisma = (cause: Record<string, unknown>, code = "P2039") =>
  Object.assign(new Error("Invalid `prisma.instance.findMany()` invocation"), { code, meta: { driverAdapterError: Object.assign(new Error("adapter"), { cause }) } });

describe("answerOf database errors", () => {
  it.each([
    ["connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["an administrator's shutdown (57P01)", postgresError("57P01", "terminating connection due to administrator command")],
    ["Prisma: cannot reach the database", wrappedByPrisma({ kind: "DatabaseNotReachable" }, "P1001")],
  ])("answers 503 with Retry-After for %s", (_name, error) => {
    expect(answerOf(error)).toMatchObject({ status: 503, code: "unavailable", retryAfterSeconds: expect.any(Number) });
  });

  it("answers values Postgres refuses as the caller's, whether node-postgres raised them or Prisma wrapped them", () => {
    const wrapped = wrappedByPrisma({ kind: "postgres", code: "22021", originalCode: "22021", originalMessage: 'invalid byte sequence for encoding "UTF8": 0x00' });
    expect(answerOf(wrapped)).toEqual({ status: 400, code: "invalid", message: 'a value is not valid text: invalid byte sequence for encoding "UTF8": 0x00' });
    expect(answerOf(postgresError("22P02", "invalid input syntax for type json"))).toMatchObject({ status: 400, message: "a value is not valid for its type: invalid input syntax for type json" });
  });
});
