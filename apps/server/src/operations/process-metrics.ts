/** One metrics registry per process: Node's default metrics and the runtime's. */
import type { Database } from "@flowcraft/db";
import { RuntimeMetrics } from "@flowcraft/runtime";
import { collectDefaultMetrics, Registry } from "prom-client";

export interface ProcessMetrics {
  registry: Registry;
  /** For the process's workers to feed. */
  runtime: RuntimeMetrics;
}

export function processMetrics(db: Database): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return { registry, runtime: new RuntimeMetrics(registry, db) };
}
