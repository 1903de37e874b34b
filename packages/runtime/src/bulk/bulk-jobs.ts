/**
 * Bulk jobs: one action (terminate, suspend, resume, rerun, purge, raise an event) on every
 * instance a list filter matches, or on ids given. A job is a row the workers work through in
 * batches under a lease, in instance id order from the cursor it stores; each instance is taken
 * (cursor and `in_flight_id` stored) before it is acted on and settled after, so a worker that
 * dies leaves at most one instance unsettled, which the next worker never acts on again.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { RUNTIME_STATUSES, type Json, type RerunKind, type RuntimeStatus } from "@flowcraft/engine";
import { conflict, notFound } from "../errors.ts";
import type { InstanceSelection, Instances } from "../instances.ts";

export const BULK_ACTIONS = ["terminate", "suspend", "resume", "rerun", "purge", "raise_event"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_JOB_STATUSES = ["queued", "running", "completed", "cancelled", "failed"] as const;
export type BulkJobStatus = (typeof BULK_JOB_STATUSES)[number];
/** Ids one job may name; beyond that, a filter says which. */
export const MAX_BULK_IDS = 10_000;
/** Refusals and failures a job keeps, with their reasons; the counts go on beyond them. */
export const PROBLEMS_KEPT = 50;

export interface BulkParameters {
  /** Why, recorded in each instance's history (terminate, suspend, resume). */
  reason?: string;
  /** For rerun: how, and on which version for `on_version`. */
  mode?: RerunKind;
  version?: number;
  /** For raise_event. */
  eventName?: string;
  payload?: Json;
}

/** The instances list's filter as JSON (dates as ISO strings), as a job stores it. */
export interface BulkFilter {
  workflowName?: string;
  workflowVersion?: number;
  status?: RuntimeStatus[];
  createdFrom?: string;
  createdTo?: string;
  instanceId?: string;
  waiting?: boolean;
  includeTests?: boolean;
}

/** Who asked for a job: it acts as them. */
export interface BulkCreator {
  kind: "account" | "token";
  name: string;
  roles: readonly string[];
  groups: readonly string[];
}

export interface BulkJobSpec {
  action: BulkAction;
  parameters: BulkParameters;
  /** Exactly one of the two. */
  filter?: BulkFilter;
  instanceIds?: string[];
}

export interface BulkProblem {
  instanceId: string;
  outcome: "skipped" | "failed";
  reason: string;
}

export interface BulkJobView {
  jobId: string;
  action: BulkAction;
  parameters: BulkParameters;
  filter: BulkFilter | null;
  /** How many ids it was given; null for a filter. */
  instanceIdCount: number | null;
  createdBy: string;
  status: BulkJobStatus;
  /** Instances matched when it was asked for. */
  matched: number;
  done: number;
  skipped: number;
  failed: number;
  problems: BulkProblem[];
  lastError: string | null;
  cancelRequestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/**
 * Acts on one instance as the job's creator. A ClientError it throws (a refusal the single action
 * would answer with a 4xx) counts the instance as skipped, with its message as the reason.
 */
export type BulkPerformer = (job: Readonly<{ jobId: string; action: BulkAction; parameters: BulkParameters; creator: BulkCreator }>, instanceId: string) => Promise<void>;

type Row = NonNullable<Awaited<ReturnType<Database["prisma"]["bulkJob"]["findUnique"]>>>;

export class BulkJobs {
  constructor(
    private readonly db: Database,
    private readonly instances: Instances,
  ) {}

  /** Queues a job: matched counts the instances the filter matches now, those the workers will act on. */
  async create(spec: BulkJobSpec, creator: BulkCreator): Promise<BulkJobView> {
    // Rounded to the millisecond as an instance's created_at is when stored: every instance that
    // existed by now was stored at this time or earlier. (One started within the next half
    // millisecond may be taken too, which is long before the job can start any instance itself.)
    const [{ now }] = await this.db.prisma.$queryRaw<[{ now: Date }]>`SELECT now()::timestamptz(3) AS now`;
    const ids = spec.instanceIds ? sortedUnique(spec.instanceIds) : null;
    const matched = ids ? ids.length : await this.instances.countMatching(selectionOf(spec.filter ?? {}), now);
    const row = await this.db.prisma.bulkJob.create({
      data: {
        id: randomUUID(),
        action: spec.action,
        parameters: spec.parameters as object,
        ...(ids ? { instanceIds: ids } : { filter: (spec.filter ?? {}) as object }),
        createdBy: creator.name,
        createdByKind: creator.kind,
        createdByRoles: [...creator.roles],
        createdByGroups: [...creator.groups],
        matched,
        createdAt: now,
        updatedAt: now,
      },
    });
    return viewOf(row);
  }

  async get(jobId: string): Promise<BulkJobView> {
    const row = await this.db.prisma.bulkJob.findUnique({ where: { id: jobId } });
    if (!row) throw notFound(`there is no bulk job "${jobId.slice(0, 200)}"`);
    return viewOf(row);
  }

  /** The newest jobs first. */
  async list(options: { limit?: number; status?: BulkJobStatus[] } = {}): Promise<BulkJobView[]> {
    const rows = await this.db.prisma.bulkJob.findMany({
      where: options.status?.length ? { status: { in: options.status } } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(Math.max(options.limit ?? 50, 1), 200),
    });
    return rows.map(viewOf);
  }

  /** A queued job ends at once; a running one stops before its next batch. */
  async cancel(jobId: string, by: string): Promise<BulkJobView> {
    const updated = await this.db.prisma.$queryRaw<Row[]>`
      UPDATE bulk_job SET cancel_requested_by = ${by}, updated_at = now(),
        finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
        status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END
      WHERE id = ${jobId} AND status IN ('queued', 'running') RETURNING id`;
    const job = await this.get(jobId);
    if (updated.length === 0) throw conflict(`bulk job "${jobId}" has already ended (${job.status})`);
    return job;
  }
}

/** The job's filter as the instances list takes it. */
export function selectionOf(filter: BulkFilter): InstanceSelection {
  const { createdFrom, createdTo, status, ...rest } = filter;
  return {
    ...rest,
    ...(status ? { status: status.filter((s) => (RUNTIME_STATUSES as readonly string[]).includes(s)) } : {}),
    ...(createdFrom ? { createdFrom: new Date(createdFrom) } : {}),
    ...(createdTo ? { createdTo: new Date(createdTo) } : {}),
  };
}

/** Sorted by code unit, as the job walks them: the cursor compares the same way. */
function sortedUnique(ids: string[]): string[] {
  return [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function viewOf(row: Row): BulkJobView {
  const filter = row.filter as BulkFilter | null;
  return {
    jobId: row.id,
    action: row.action as BulkAction,
    parameters: row.parameters as BulkParameters,
    filter,
    instanceIdCount: filter === null ? row.instanceIds.length : null,
    createdBy: row.createdBy,
    status: row.status as BulkJobStatus,
    matched: row.matched,
    done: row.done,
    skipped: row.skipped,
    failed: row.failed,
    problems: row.problems as unknown as BulkProblem[],
    lastError: row.lastError,
    cancelRequestedBy: row.cancelRequestedBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
