/**
 * Optional OpenTelemetry traces: on when an OTLP endpoint is configured, and only then is the SDK
 * loaded. Spans go out over OTLP/HTTP in batches; the exporter reads the standard OTEL_EXPORTER_OTLP_*
 * variables itself (endpoint, headers, timeout).
 */
import type { Tracer } from "@opentelemetry/api";

export interface TracingConfig {
  /** OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT; off when absent. */
  endpoint: string | undefined;
  serviceName: string;
}

export interface Tracing {
  tracer: Tracer;
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

export async function startTracing(config: TracingConfig): Promise<Tracing | null> {
  if (!config.endpoint) return null;
  const [{ BatchSpanProcessor, NodeTracerProvider }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import("@opentelemetry/sdk-trace-node"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": config.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // The W3C propagator and the context manager that keeps a request's span across its awaits.
  provider.register();
  return { tracer: provider.getTracer("flowcraft"), shutdown: () => provider.shutdown() };
}
