/** How a deployed worker is set up, in the server's process and in `pnpm worker` alike, so the two never drift apart. */
import type { BulkPerformer, Logger, Secrets, WorkerOptions } from "@flowcraft/runtime";
import type { Config } from "./config.ts";
import { exampleRegistry } from "./examples/index.ts";
import type { ProcessMetrics } from "./operations/process-metrics.ts";
import type { Tracing } from "./tracing.ts";

export interface DeployedWorkerParts {
  secrets: Secrets;
  log: Logger;
  metrics: ProcessMetrics;
  bulkActions: BulkPerformer;
  tracing: Tracing | null;
}

export function deployedWorkerOptions(config: Config, { secrets, log, metrics, bulkActions, tracing }: DeployedWorkerParts): WorkerOptions {
  return {
    activities: exampleRegistry(),
    httpAllow: config.httpAllow,
    secrets,
    retentionDays: config.retentionDays,
    metrics: metrics.runtime,
    logger: log,
    bulkActions,
    ...(tracing ? { tracer: tracing.tracer } : {}),
  };
}
