/**
 * Errors raised before tRPC reads a request (a body over the limit, a database that cannot be
 * reached while the caller is identified), answered in tRPC's error shape so that the web app's
 * client can read them like any other.
 */
import { getTRPCErrorShape, TRPCError } from "@trpc/server";
import type { FastifyInstance } from "fastify";
import { answerOf } from "../caller-errors.ts";
import { logFailure } from "../logging.ts";
import { appRouter } from "./router.ts";
import { trpcCodeOf } from "./trpc.ts";

/** Sets the error handler of the scope that serves tRPC. */
export function installTrpcErrorHandling(scope: FastifyInstance) {
  scope.setErrorHandler((error, request, reply) => {
    const mapped = answerOf(error);
    if (!mapped || mapped.status >= 500) logFailure(request, error);
    if (mapped?.retryAfterSeconds !== undefined) void reply.header("retry-after", String(mapped.retryAfterSeconds));
    const trpcError = new TRPCError({
      code: mapped ? trpcCodeOf(mapped.status) : "INTERNAL_SERVER_ERROR",
      message: mapped?.message ?? "the server failed to handle this request; it has been logged",
      cause: error,
    });
    const path = (request.params as { path?: string } | undefined)?.path;
    const shape = getTRPCErrorShape({ config: appRouter._def._config, error: trpcError, type: "unknown", path, input: undefined, ctx: undefined });
    return reply.status(mapped?.status ?? 500).send({ error: shape });
  });
}
