/**
 * Access control for every request: who is calling (see access.ts) is settled before any handler
 * runs; REST routes then need what their `config.need` says (anyone signed in, by default), and
 * tRPC procedures what their `meta` says (see trpc/trpc.ts).
 */
import fastifyCookie from "@fastify/cookie";
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

const guarded = (url: string) => url.startsWith("/api/") || url.startsWith("/trpc/");

export async function installAccess(app: FastifyInstance, authenticator: Authenticator) {
  await app.register(fastifyCookie);
  app.decorateRequest("access", null);
  app.addHook("onRequest", async (request) => {
    if (!guarded(request.url)) return;
    request.access = await authenticator.accessOf(request, request.cookies[SESSION_COOKIE]);
  });
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    authorize(request.access, request.routeOptions.config?.need ?? "signed_in");
  });
}
