/** Names for the generated schema's shapes the client's helpers take and give. */
import type { components, paths } from "./schema.ts";

type Schemas = components["schemas"];

export type Definition = Schemas["Definition"];
export type WorkflowVersion = Schemas["WorkflowVersion"];
export type WorkflowSummary = Schemas["WorkflowSummary"];
export type Instance = Schemas["Instance"];
export type ListedInstance = Schemas["ListedInstance"];
export type HistoryEvent = Schemas["HistoryEvent"];
export type PendingApproval = Schemas["PendingApproval"];
export type RaisedEvent = Schemas["RaisedEvent"];
export type RuntimeStatus = NonNullable<Instance["runtimeStatus"]>;

/** The filters and paging of GET /api/v1/instances. */
export type InstanceQuery = NonNullable<paths["/api/v1/instances"]["get"]["parameters"]["query"]>;
/** One page of GET /api/v1/instances. */
export type InstancePage = paths["/api/v1/instances"]["get"]["responses"][200]["content"]["application/json"];
export type ApprovalQuery = NonNullable<paths["/api/v1/approvals"]["get"]["parameters"]["query"]>;
export type ApprovalPage = paths["/api/v1/approvals"]["get"]["responses"][200]["content"]["application/json"];

/** The statuses an instance ends in; it changes no more once in one. */
export const ENDED_STATUSES: readonly RuntimeStatus[] = ["COMPLETED", "FAILED", "TERMINATED"];
