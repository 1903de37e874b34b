/**
 * A span per request, continuing the caller's trace (its W3C `traceparent`). The handler runs
 * inside it, so an instance the request starts, or an event it raises, keeps the span's
 * traceparent with its inbox message and the instance's turns continue the trace (see the
 * runtime's tracing.ts). Spans are named by route, never by URL: a URL may hold a token.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import type { FastifyInstance, FastifyRequest } from "fastify";

export function traceRequests(app: FastifyInstance, tracer: Tracer) {
  const spans = new WeakMap<FastifyRequest, Context>();
  app.addHook("onRequest", (request, _reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const span = tracer.startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method, "http.route": route, "flowcraft.request.id": request.id } },
      propagation.extract(ROOT_CONTEXT, request.headers),
    );
    spans.set(request, trace.setSpan(ROOT_CONTEXT, span));
    done();
  });
  // After the body is read (its events run outside any request's context): the handler runs inside the span.
  app.addHook("preHandler", (request, _reply, done) => {
    const active = spans.get(request);
    if (active) context.with(active, done);
    else done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    const span = spanOf(spans.get(request));
    if (span) {
      span.setAttribute("http.response.status_code", reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}

const spanOf = (active: Context | undefined): Span | undefined => (active ? trace.getSpan(active) : undefined);
