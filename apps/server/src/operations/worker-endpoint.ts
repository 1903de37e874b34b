/**
 * The HTTP endpoint of a `pnpm worker` process, which has no API of its own: its health,
 * readiness and metrics, each process's registry scraped on its own (Prometheus adds the
 * `instance` label that tells processes apart).
 */
import Fastify, { type FastifyInstance } from "fastify";
import type { Database } from "@flowcraft/db";
import type { Registry } from "prom-client";
import { installErrorHandling } from "../rest/errors.ts";
import { metricsRoute } from "./metrics-route.ts";
import { readinessRoute } from "./readiness.ts";

export async function workerEndpoint(pool: Database["pool"], registry: Registry, token: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  app.get("/api/health", async () => ({ status: "ok" }));
  readinessRoute(app, pool);
  metricsRoute(app, { registry, token });
  return app;
}
