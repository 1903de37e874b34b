/** The example workflows of the reference patterns, loaded on first start and by `pnpm seed`. */
import type { Database } from "@flowcraft/db";
import { recordActivities, type Workflows } from "@flowcraft/runtime";
import { exampleRegistry } from "./activities.ts";
import asyncHttp from "./async-http.json" with { type: "json" };
import fanOutFanIn from "./fan-out-fan-in.json" with { type: "json" };
import jobMonitor from "./job-monitor.json" with { type: "json" };
import purchaseOrderApproval from "./purchase-order-approval.json" with { type: "json" };
import taskChain from "./task-chain.json" with { type: "json" };

export { exampleActivities, exampleRegistry } from "./activities.ts";

export const EXAMPLE_WORKFLOWS: Record<string, unknown> = {
  "task-chain": taskChain,
  "fan-out-fan-in": fanOutFanIn,
  "purchase-order-approval": purchaseOrderApproval,
  "job-monitor": jobMonitor,
  "async-http": asyncHttp,
};

/**
 * Publishes each example that does not exist yet; returns the names it published. Flowcraft's own
 * workers (`pnpm start`, `pnpm worker`) provide the example activities, so they count as known.
 */
export async function seedExamples(db: Database, workflows: Workflows): Promise<string[]> {
  await recordActivities(db.pool, exampleRegistry().names());
  const existing = new Set((await workflows.list()).map((w) => w.name));
  const published: string[] = [];
  for (const [name, definition] of Object.entries(EXAMPLE_WORKFLOWS)) {
    if (existing.has(name)) continue;
    await workflows.publish(name, definition, "flowcraft-examples");
    published.push(name);
  }
  return published;
}
