/** What an instance looks like from outside, rebuilt from its history. */
import type { HistoryEvent, WorkflowError } from "./history.ts";
import type { Json } from "./json.ts";

export const RUNTIME_STATUSES = ["PENDING", "RUNNING", "SUSPENDED", "COMPLETED", "FAILED", "TERMINATED"] as const;
export type RuntimeStatus = (typeof RUNTIME_STATUSES)[number];

export const TERMINAL_STATUSES: ReadonlySet<RuntimeStatus> = new Set(["COMPLETED", "FAILED", "TERMINATED"]);

export interface InstanceSummary {
  runtimeStatus: RuntimeStatus;
  output: Json;
  failure: WorkflowError | null;
  customStatus: Json;
}

/** Folds one generation's history into the instance's status, output, failure and custom status. */
export function summarize(history: readonly HistoryEvent[], previous?: InstanceSummary): InstanceSummary {
  const summary: InstanceSummary = previous
    ? { ...previous }
    : { runtimeStatus: "PENDING", output: null, failure: null, customStatus: null };
  for (const event of history) {
    switch (event.type) {
      case "execution_started":
        summary.runtimeStatus = "RUNNING";
        break;
      case "custom_status_set":
        summary.customStatus = event.value;
        break;
      case "suspended":
        summary.runtimeStatus = "SUSPENDED";
        break;
      case "resumed":
        summary.runtimeStatus = "RUNNING";
        break;
      case "terminated":
        summary.runtimeStatus = "TERMINATED";
        break;
      case "execution_completed":
        summary.runtimeStatus = "COMPLETED";
        summary.output = event.output;
        break;
      case "execution_failed":
        summary.runtimeStatus = "FAILED";
        summary.failure = event.error;
        break;
      default:
        break;
    }
  }
  return summary;
}
