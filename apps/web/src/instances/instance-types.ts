/** The shapes the instance screens show, taken from the server's procedures so they cannot drift. */
import type { api } from "../lib/api.ts";

type Output<T extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<T>>;

/** An instance as `instances.get` returns it. */
export type Instance = Output<typeof api.instances.get.query>;
/** A row of the instances list: the instance, what it waits on, and what it is a re-run of. */
export type InstanceRow = Output<typeof api.instances.list.query>["instances"][number];
export type OpenWait = InstanceRow["waitingOn"][number];
export type RuntimeStatus = Instance["runtimeStatus"];
export type RerunKind = NonNullable<InstanceRow["origin"]>["kind"];
export type StatusCounts = Output<typeof api.instances.counts.query>;
export type PendingApproval = Output<typeof api.approvals.pending.query>["approvals"][number];

/** In the order a person scans them: still going first, then how it ended. */
export const RUNTIME_STATUSES = ["PENDING", "RUNNING", "SUSPENDED", "COMPLETED", "FAILED", "TERMINATED"] as const satisfies readonly RuntimeStatus[];

export const ENDED_STATUSES: ReadonlySet<RuntimeStatus> = new Set(["COMPLETED", "FAILED", "TERMINATED"]);

export const STATUS_WORDS: Record<RuntimeStatus, string> = {
  PENDING: "Pending",
  RUNNING: "Running",
  SUSPENDED: "Suspended",
  COMPLETED: "Completed",
  FAILED: "Failed",
  TERMINATED: "Terminated",
};

export const RERUN_WORDS: Record<RerunKind, string> = {
  retry_failed: "retried from its failed step",
  from_start: "rerun from start",
  on_version: "rerun on another version",
};
