/**
 * @flowcraft/runtime: the durable executor on Postgres. `Worker` runs decisions and activities;
 * `Workflows`, `Drafts` and `Instances` are the operations the APIs expose.
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
export type { InstanceView, InstanceListItem, InstanceFilter, InstancePage, InstanceCounts, ActionOptions, StartOptions } from "./instances.ts";
export type { OpenWait } from "./open-waits.ts";
export { Secrets, SECRET_NAME } from "./secrets/secrets.ts";
export type { SecretView } from "./secrets/secrets.ts";
export { Webhooks, WEBHOOK_KINDS, MAX_MAPPED_HEADERS, MAX_EXPRESSION_LENGTH, MAX_TOLERANCE_SECONDS, SIGNING_SECRET_BYTES } from "./webhooks/webhooks.ts";
export type { WebhookGrant, WebhookKind, WebhookSettings, WebhookView, OpenWebhook } from "./webhooks/webhooks.ts";
export type { Delivered, WebhookRequest } from "./webhooks/webhook-delivery.ts";
export { SIGNATURE_STYLES, DEFAULT_TOLERANCE_SECONDS, SignatureRefusal, signatureHeaders } from "./webhooks/signatures.ts";
export type { SignatureStyle } from "./webhooks/signatures.ts";
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
