/**
 * tRPC for the web app at /trpc/:path, through the Fastify adapter's request handler. Its own
 * plugin would hand tRPC bodies as unchecked text; here a procedure's input passes the checks REST
 * bodies get (rest/json-body.ts, rest/json-text.ts) before tRPC parses it, in the body or the URL.
 */
import { fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { RETRY_AFTER_UNAVAILABLE_S } from "../caller-errors.ts";
import { logFailure } from "../logging.ts";
import { passCheckedJsonText } from "../rest/json-body.ts";
import { parseJsonText } from "../rest/json-text.ts";
import { installTrpcErrorHandling } from "./http-errors.ts";
import { appRouter } from "./router.ts";
import type { Context } from "./trpc.ts";

/** Serves the app's router in `scope`, a Fastify scope of its own; `contextOf` gives each call its context. */
export function serveTrpc(scope: FastifyInstance, contextOf: (request: FastifyRequest) => Context) {
  installTrpcErrorHandling(scope);
  passCheckedJsonText(scope);
  scope.all("/trpc/:path", async (request, reply) => {
    const { input } = request.query as { input?: string | string[] };
    for (const text of [input ?? []].flat()) parseJsonText(text, "the input in the URL");
    await fastifyRequestHandler({
      router: appRouter,
      req: request,
      res: reply,
      path: (request.params as { path: string }).path,
      createContext: () => contextOf(request),
      onError: ({ error }) => {
        if (getHTTPStatusCodeFromError(error) >= 500) logFailure(request, error.cause ?? error);
      },
      responseMeta: ({ errors }) =>
        errors.some((error) => error.code === "SERVICE_UNAVAILABLE") ? { headers: { "retry-after": String(RETRY_AFTER_UNAVAILABLE_S) } } : {},
    });
  });
}
