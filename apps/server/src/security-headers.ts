/**
 * Security headers on every answer (helmet): a Content-Security-Policy that allows no inline or
 * foreign script, and no framing by other sites (clickjacking on approve buttons). Inline styles
 * stay allowed: the canvas positions nodes with style attributes.
 */
import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

export async function installSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin only: nothing of Flowcraft's is meant to be embedded or opened by other sites.
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
}
