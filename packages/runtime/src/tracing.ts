/**
 * Trace context through the runtime, with the OpenTelemetry API only: the host registers an SDK
 * (or none, and every call here is a no-op). A start or an event keeps the W3C `traceparent` of
 * the request that made it in its inbox message; the turn that takes the message continues that
 * trace, the attempts it schedules keep the turn's `traceparent` in their task row, and their
 * results carry the attempt's back to the next turn, and the children it starts keep it in their
 * start message: the trace survives a hand-over to another worker process.
 */
import { isSpanContextValid, ROOT_CONTEXT, trace, TraceFlags, type Context, type Link, type SpanContext } from "@opentelemetry/api";

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The traceparent of a span context; undefined when it is not a valid one. */
export function traceparentOf(spanContext: SpanContext | undefined): string | undefined {
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return `00-${spanContext.traceId}-${spanContext.spanId}-${(spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, "0")}`;
}

/** The traceparent of the active span: the request being answered, when it is traced. */
export const activeTraceparent = (): string | undefined => traceparentOf(trace.getActiveSpan()?.spanContext());

/** The span context a stored traceparent names; undefined when there is none or it is malformed. */
export function spanContextOf(traceparent: unknown): SpanContext | undefined {
  const match = typeof traceparent === "string" ? TRACEPARENT.exec(traceparent) : null;
  if (!match) return undefined;
  const spanContext = { traceId: match[1]!, spanId: match[2]!, traceFlags: Number.parseInt(match[3]!, 16) & TraceFlags.SAMPLED, isRemote: true };
  return isSpanContextValid(spanContext) ? spanContext : undefined;
}

/** A context whose parent is the stored traceparent, or the root when there is none. */
export function contextOf(traceparent: unknown): Context {
  const spanContext = spanContextOf(traceparent);
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}

/** The traceparent in a message's data: a start or event from a traced request, or a traced attempt's result. */
const messageTraceparent = (message: { data: unknown }) => (message.data as { traceparent?: unknown } | null)?.traceparent;

/** The parent a turn continues (its first traced message) and links to the others it takes. */
export function turnParentage(messages: Array<{ data: unknown }>): { parent: Context; links: Link[] } {
  const seen = new Set<string>();
  const contexts: SpanContext[] = [];
  for (const message of messages) {
    const spanContext = spanContextOf(messageTraceparent(message));
    if (spanContext && !seen.has(spanContext.spanId)) {
      seen.add(spanContext.spanId);
      contexts.push(spanContext);
    }
  }
  const [first, ...rest] = contexts;
  return { parent: first ? trace.setSpanContext(ROOT_CONTEXT, first) : ROOT_CONTEXT, links: rest.map((spanContext) => ({ context: spanContext })) };
}

/** A message's data with the traceparent of the request that queues it, when that is traced. */
export function withTraceparent<T extends object>(data: T): T & { traceparent?: string } {
  const traceparent = activeTraceparent();
  return traceparent ? { ...data, traceparent } : data;
}
