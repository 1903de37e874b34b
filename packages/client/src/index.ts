/** @flowcraft/client: a typed client of Flowcraft's REST API, for Node services, scripts and CI. */
export { createFlowcraftClient, FlowcraftClient, type ClientOptions, type StartOptions, type WaitOptions } from "./client.ts";
export { bootstrap, type BootstrapOptions, type Bootstrapped } from "./bootstrap.ts";
export { FlowcraftError, type Problem } from "./errors.ts";
export {
  ENDED_STATUSES,
  type ApprovalPage,
  type ApprovalQuery,
  type Definition,
  type HistoryEvent,
  type Instance,
  type InstancePage,
  type InstanceQuery,
  type ListedInstance,
  type PendingApproval,
  type RaisedEvent,
  type RuntimeStatus,
  type WorkflowSummary,
  type WorkflowVersion,
} from "./types.ts";
export type { paths, components } from "./schema.ts";
