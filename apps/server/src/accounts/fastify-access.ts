/**
 * Access control for every request: who is calling (see access.ts) is settled before any handler
 * runs; REST routes then need what their `config.need` says (anyone signed in, by default), and
 * tRPC procedures what their `meta` says (see trpc/trpc.ts).
 */
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { authorize, type Access, type Authenticator, type Need } from "./access.ts";
import { SESSION_COOKIE } from "./sessions.ts";

declare module "fastify" {
  interface FastifyRequest {
    access: Access | null;
  }
  interface FastifyContextConfig {
    need?: Need;
  }
}

/** Requests with a bearer token one address may make per minute: plenty for a system, few for guessing. */
const TOKEN_REQUESTS_PER_MINUTE = 600;

const guarded = (url: string) => url.startsWith("/api/") || url.startsWith("/trpc/");

export async function installAccess(app: FastifyInstance, authenticator: Authenticator) {
  await app.register(fastifyCookie);
  // Routes opt in (sign-in and set-up); token-bearing requests are limited below.
  await app.register(fastifyRateLimit, { global: false });
  app.decorateRequest("access", null);
  app.addHook(
    "onRequest",
    app.rateLimit({ max: TOKEN_REQUESTS_PER_MINUTE, timeWindow: "1 minute", allowList: (request) => request.headers.authorization === undefined }),
  );
  app.addHook("onRequest", async (request) => {
    if (!guarded(request.url)) return;
    request.access = await authenticator.accessOf(request.method, request.headers, request.cookies[SESSION_COOKIE]);
  });
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    authorize(request.access, request.routeOptions.config?.need ?? "signed_in");
  });
}
