/**
 * @flowcraft/runtime: the durable executor on Postgres. `Worker` runs decisions and activities;
 * `Workflows`, `Drafts`, `Instances` and `Schedules` are the operations the APIs expose.
 */
export { Worker } from "./worker.ts";
export type { WorkerOptions } from "./worker.ts";
export { Workflows } from "./workflows.ts";
export type { WorkflowSummary, WorkflowVersionView } from "./workflows.ts";
export { Drafts } from "./drafts.ts";
export type { DraftDefinition, DraftView, DraftSummary, SavedDraft } from "./drafts.ts";
export { Instances, INSTANCE_ID_PATTERN } from "./instances.ts";
export { MAX_PAGE_SIZE, MAX_HISTORY_PAGE } from "./page-limits.ts";
export type { InstanceUpdate } from "./instance-watch.ts";
export type { ScheduledStart } from "./instances.ts";
export { ExpressionSandbox } from "./sandbox/expression-sandbox.ts";
export { Schedules, BackfillSchema, MAX_BACKFILL_RUNS } from "./schedules/schedules.ts";
export type { ScheduleView, ScheduledRun, BackfillResult } from "./schedules/schedules.ts";
export { ScheduleSpecSchema, ScheduleTimingSchema, CheckedTimingSchema, OVERLAP_POLICIES, DEFAULT_CATCHUP_WINDOW_SECONDS } from "./schedules/schedule-spec.ts";
export type { OverlapPolicy, ScheduleSpecInput, ScheduleTimingInput } from "./schedules/schedule-spec.ts";
export type { InstanceView, InstanceListItem, InstanceFilter, InstancePage, InstanceCounts, ActionOptions, StartOptions } from "./instances.ts";
export type { OpenWait } from "./open-waits.ts";
export { Secrets, SECRET_NAME } from "./secrets/secrets.ts";
export type { SecretView } from "./secrets/secrets.ts";
export { INSTANCE_ORDERS } from "./instance-order.ts";
export type { InstanceOrder } from "./instance-order.ts";
export type { RerunOptions, RelatedInstances } from "./reruns.ts";
export { Approvals, APPROVAL_DECISIONS } from "./approvals.ts";
export type { PendingApproval, PendingApprovalPage, PendingFilter, ApprovalPayload, ApprovalDecision, DecideInput } from "./approvals.ts";
export { ActivityRegistry, ActivityError } from "./sdk.ts";
export type { ActivityFunction, ActivityContext } from "./sdk.ts";
export { createRegistry } from "./registry.ts";
export type { BuiltInOptions } from "./registry.ts";
export { HttpAllowlist } from "./activities/http-allowlist.ts";
export { ClientError, conflict, invalid, notFound } from "./errors.ts";
export type { ClientErrorCode } from "./errors.ts";
export { recordActivities } from "./registrations.ts";
export { PolledFeed } from "./polled-feed.ts";
export type { PolledFeedOptions, WatchOptions } from "./polled-feed.ts";
export { DEFAULT_GENERATION_RETENTION_SECONDS, pruneEndedGenerations, pruneRound } from "./generation-pruning.ts";
