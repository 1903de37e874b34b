/**
 * GET /metrics: this process's metrics in Prometheus's text format, for a scraper holding the
 * metrics token. Closed unless FLOWCRAFT_METRICS_TOKEN is set: queue depths, workflow and
 * activity names are not for anyone who can reach the port. The API's tokens do not open it, nor
 * does this token open the API.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Registry } from "prom-client";
import { errorBody } from "../rest/errors.ts";

export interface MetricsOptions {
  registry: Registry;
  /** The bearer token a scraper must send; metrics are off without one. */
  token: string | undefined;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Serves `metrics`; without them, or without a token, /metrics says how to turn them on. */
export function metricsRoute(app: FastifyInstance, metrics: MetricsOptions | undefined) {
  const expected = metrics?.token === undefined ? null : digest(`Bearer ${metrics.token}`);
  app.get("/metrics", async (request, reply) => {
    if (expected === null || !metrics) return reply.status(404).send(errorBody("not_found", "metrics are off: set FLOWCRAFT_METRICS_TOKEN to serve them"));
    // Digests of equal length, so that the comparison takes as long whatever was sent.
    if (!timingSafeEqual(digest(request.headers.authorization ?? ""), expected)) {
      return reply.status(401).header("www-authenticate", 'Bearer realm="metrics"').send(errorBody("unauthenticated", "send the metrics token as Authorization: Bearer <FLOWCRAFT_METRICS_TOKEN>"));
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
