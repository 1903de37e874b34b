/**
 * GET /api/health/ready: whether this process can serve, for a load balancer or an orchestrator
 * to send it traffic. Ready when the database answers and carries exactly the migrations this
 * build was made with; otherwise 503 with the reason. (GET /api/health only says the process is up.)
 */
import { migrationDrift, readMigrations, type Database, type Migration } from "@flowcraft/db";
import type { FastifyInstance } from "fastify";
import { errorBody } from "../rest/errors.ts";

/** A probe that waits longer than this has its answer anyway: the database is too slow to serve. */
export const READINESS_DEADLINE_MS = 2_000;

/** Why the database is not as this build needs it, or null when it is. */
async function notReadyBecause(pool: Database["pool"], expected: Migration[]): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_DEADLINE_MS / 1000} s`)), READINESS_DEADLINE_MS);
  });
  try {
    const drift = await Promise.race([migrationDrift(pool, expected), deadline]);
    const reasons = [
      drift.missing.length > 0 ? `migrations not applied: ${drift.missing.join(", ")}` : "",
      drift.unknown.length > 0 ? `migrations applied that this build does not know (a newer build migrated the database): ${drift.unknown.join(", ")}` : "",
      drift.changed.length > 0 ? `migrations applied with other SQL than this build's: ${drift.changed.join(", ")}` : "",
    ].filter((reason) => reason !== "");
    return reasons.length > 0 ? `the database does not match this build: ${reasons.join("; ")}` : null;
  } catch (error) {
    return `the database cannot be reached: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

export function readinessRoute(app: FastifyInstance, pool: Database["pool"], expected = readMigrations()) {
  app.get("/api/health/ready", { config: { need: "public" } }, async (_request, reply) => {
    const reason = await notReadyBecause(pool, expected);
    if (reason === null) return { status: "ready" };
    return reply.status(503).header("retry-after", "5").send(errorBody("unavailable", reason));
  });
}
