/** Starting, steering and reading instances: what the REST API and the web app call. */
import { randomUUID } from "node:crypto";
import { EventNameSchema } from "@flowcraft/definition";
import type { Database } from "@flowcraft/db";
import { RUNTIME_STATUSES, TERMINAL_STATUSES, type RerunKind, type HistoryEvent, type Json, type RuntimeStatus, type WorkflowError } from "@flowcraft/engine";
import { conflict, invalid, notFound } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { withTraceparent } from "./tracing.ts";
import { storableJson } from "./stored-json.ts";
import { generationEventFromRow } from "./history-rows.ts";
import { announce, INBOX_CHANNEL } from "./notifier.ts";
import type { InboxMessageKind } from "./turn.ts";
import { workflowNotFound, Workflows } from "./workflows.ts";
import { MAX_HISTORY_PAGE, MAX_PAGE_SIZE } from "./page-limits.ts";
import { InstanceChanges } from "./instance-changes.ts";
import { watchInstance } from "./instance-watch.ts";
import { relatedInstances, rerun, type RerunOptions } from "./reruns.ts";
import { openWaitsOf, type OpenWait } from "./open-waits.ts";
import { purgeEndedInstances } from "./instance-purge.ts";
import { decodeCursor, encodeCursor, orderClauses, type InstanceOrder } from "./instance-order.ts";
import { startBatcher, type StartOutcome, type StartRequest } from "./start-batch.ts";
import type { GroupCommit } from "./group-commit.ts";
import { eventBatcher, type EventOutcome, type EventRequest } from "./event-batch.ts";

export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

export interface InstanceView {
  instanceId: string;
  workflowName: string;
  workflowVersion: number;
  createdAt: string;
  lastUpdatedAt: string;
  runtimeStatus: RuntimeStatus;
  input: Json;
  output: Json;
  failure: WorkflowError | null;
  customStatus: Json;
  /** Continue-as-new generation, from 1. */
  generation: number;
  /** The instance this one re-runs, and how; null for an instance started on its own. */
  origin: { instanceId: string; kind: RerunKind } | null;
  /** For a child instance: the instance, and the sub-workflow step (its node and place), that started it. */
  parent: { instanceId: string; node: string; stepId: string } | null;
  /** Who started it: a username, `token:<name>`, or null when started without an account. */
  startedBy: string | null;
  /** A test run of a draft: its version is a test version, and lists leave it out unless asked. */
  test: boolean;
  /** The schedule occurrence that started it; null when it was not started by a schedule. */
  schedule: ScheduledStart | null;
}

/** Which schedule started an instance, and the occurrence (its nominal time, before any jitter). */
export interface ScheduledStart {
  scheduleId: string;
  scheduledAt: string;
}

/** An instance as the list shows it: with what it waits on, when it waits. */
export interface InstanceListItem extends InstanceView {
  /** The oldest of its open waits, at most WAITS_LISTED. */
  waitingOn: OpenWait[];
  /** All its open waits: a fan-out may wait at thousands of places. */
  waitingOnTotal: number;
}

export interface InstanceFilter {
  workflowName?: string;
  workflowVersion?: number;
  status?: RuntimeStatus[];
  createdFrom?: Date;
  createdTo?: Date;
  /** Instances whose id starts with this. */
  instanceId?: string;
  /** Only running instances that wait on an event or a timer. */
  waiting?: boolean;
  /** Test runs of drafts too; left out by default. */
  includeTests?: boolean;
  /** Newest first unless told otherwise. */
  order?: InstanceOrder;
  limit?: number;
  /** From `nextCursor` of the previous page. */
  cursor?: string;
}

/** What a filter selects, paging aside: the instances a bulk action acts on. */
export type InstanceSelection = Omit<InstanceFilter, "order" | "limit" | "cursor">;

export interface InstancePage {
  instances: InstanceListItem[];
  nextCursor: string | null;
}

export interface InstanceCounts {
  byStatus: Record<RuntimeStatus, number>;
  /** Running instances that wait on an event or a timer. */
  waiting: number;
}

export interface ActionOptions {
  reason?: string;
  /** Who did it, recorded in history. */
  by?: string;
}

/** Starts one request to `startMany` may carry. */
export const MAX_STARTS_PER_REQUEST = 1_000;

export interface StartItem {
  instanceId?: string;
  input: Json;
}

export type StartManyOutcome = { instanceId: string; outcome: "started"; workflowVersion: number } | { instanceId: string; outcome: "exists" };

export interface StartOptions {
  instanceId?: string;
  version?: number;
  /** Who starts it, recorded in history. */
  by?: string;
  /** The schedule occurrence it runs for. */
  schedule?: ScheduledStart;
}

export class Instances {
  private readonly changeFeed: InstanceChanges;
  private readonly workflows: Workflows;

  private readonly starts: GroupCommit<StartRequest, StartOutcome>;
  private readonly events: GroupCommit<EventRequest, EventOutcome>;

  constructor(
    private readonly db: Database,
    /** Where the change feed logs a failed look; the default logger when absent. */
    options: { logger?: Logger } = {},
  ) {
    this.changeFeed = new InstanceChanges(db, options.logger);
    this.workflows = new Workflows(db);
    this.starts = startBatcher(db.pool);
    this.events = eventBatcher(db.pool);
  }

  /**
   * Creates an instance of the latest (or given) version and queues its first decision: the
   * instance row, its first history event and a start message, in one statement shared with the
   * starts that arrive at the same time (see start-batch.ts; this is the hot path of every caller
   * that starts work).
   */
  async start(workflowName: string, input: Json, options: StartOptions & { test?: boolean } = {}): Promise<InstanceView> {
    const request = startRequest(workflowName, input, options);
    const started = await this.starts.submit(request);
    if (started.outcome === "exists") throw conflict(`an instance with id "${request.instanceId}" already exists`);
    if (started.outcome === "no_workflow") throw workflowNotFound(workflowName, options.version);
    return newInstanceView(request, input, started.workflowVersion, started.createdAt, options);
  }

  /**
   * Starts many instances of one workflow, idempotently per id: an id that exists already is
   * answered `exists`, not refused, so that a caller can send the same list again after a lost
   * reply. Every item is checked before any is stored; the starts share statements with each
   * other and with concurrent single starts.
   */
  async startMany(workflowName: string, items: StartItem[], options: Pick<StartOptions, "version" | "by"> = {}): Promise<StartManyOutcome[]> {
    if (items.length > MAX_STARTS_PER_REQUEST) throw invalid(`at most ${MAX_STARTS_PER_REQUEST} starts per request, got ${items.length}`);
    const requests = items.map((item, i) => {
      try {
        return startRequest(workflowName, item.input, { ...options, ...(item.instanceId !== undefined ? { instanceId: item.instanceId } : {}) });
      } catch (error) {
        if (error instanceof Error) error.message = `starts[${i}]: ${error.message}`;
        throw error;
      }
    });
    const outcomes = await Promise.all(requests.map((request) => this.starts.submit(request)));
    if (outcomes.some((started) => started.outcome === "no_workflow")) throw workflowNotFound(workflowName, options.version);
    return outcomes.map((started, i) =>
      started.outcome === "started"
        ? { instanceId: requests[i]!.instanceId, outcome: "started", workflowVersion: started.workflowVersion }
        : { instanceId: requests[i]!.instanceId, outcome: "exists" },
    );
  }

  /**
   * Starts a test run: an instance of the given definition (the designer's draft, unpublished),
   * validated as publishing validates it and stored as a test version, with its real activities.
   */
  async startTest(workflowName: string, definition: unknown, input: Json, options: Omit<StartOptions, "version"> = {}): Promise<InstanceView> {
    const version = await this.workflows.storeTestVersion(workflowName, definition);
    return this.start(workflowName, input, { ...options, version, test: true });
  }

  async get(instanceId: string): Promise<InstanceView> {
    const row = INSTANCE_ID_PATTERN.test(instanceId) ? await this.db.prisma.instance.findUnique({ where: { id: instanceId } }) : null;
    if (!row) throw notFound(`there is no instance "${instanceId.slice(0, 200)}"`);
    return toView(row);
  }

  async list(filter: InstanceFilter = {}): Promise<InstancePage> {
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE_SIZE);
    const order = filter.order ?? "newest";
    const { orderBy, where: afterCursor } = orderClauses(order, filter.cursor ? decodeCursor(filter.cursor, order) : null);
    const rows = await this.db.prisma.instance.findMany({
      where: { ...this.selectionWhere(filter), ...afterCursor },
      orderBy: [...orderBy],
      take: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const waits = await openWaitsOf(this.db, page.filter((row) => row.status === "RUNNING").map((row) => row.id));
    return {
      instances: page.map((row) => ({ ...toView(row), waitingOn: waits.get(row.id)?.waits ?? [], waitingOnTotal: waits.get(row.id)?.total ?? 0 })),
      nextCursor: rows.length > limit && last ? encodeCursor(order, last) : null,
    };
  }

  /** How many instances the filter (its status aside) matches per status, and how many of them wait. */
  async counts(filter: Omit<InstanceFilter, "status" | "limit" | "cursor" | "waiting"> = {}): Promise<InstanceCounts> {
    const where = this.whereOf(filter);
    const [groups, waiting] = await Promise.all([
      this.db.prisma.instance.groupBy({ by: ["status"], where, _count: { _all: true } }),
      this.db.prisma.instance.count({ where: this.whereOf({ ...filter, waiting: true }) }),
    ]);
    const byStatus = Object.fromEntries(RUNTIME_STATUSES.map((status) => [status, 0])) as Record<RuntimeStatus, number>;
    for (const group of groups) byStatus[group.status as RuntimeStatus] = group._count._all;
    return { byStatus, waiting };
  }

  /**
   * Ids of the instances the list's filter matches (exactly those the list shows), in id order
   * after `afterId`, created at `createdAtMost` or before: a bulk action walks them batch by batch.
   */
  async idsMatching(selection: InstanceSelection, options: { afterId?: string | null; createdAtMost: Date; limit: number }): Promise<string[]> {
    const rows = await this.db.prisma.instance.findMany({
      where: { AND: [this.selectionWhere(selection, options.createdAtMost), options.afterId ? { id: { gt: options.afterId } } : {}] },
      orderBy: { id: "asc" },
      take: options.limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** How many instances the list's filter matches (of those created at `createdAtMost` or before, when given). */
  async countMatching(selection: InstanceSelection, createdAtMost?: Date): Promise<number> {
    return this.db.prisma.instance.count({ where: this.selectionWhere(selection, createdAtMost) });
  }

  /** The selection's instances, of those created at `createdAtMost` or before when given: the instances a bulk job takes. */
  private selectionWhere(selection: InstanceSelection, createdAtMost?: Date) {
    const where = { ...this.whereOf(selection), ...(selection.status?.length ? { status: { in: selection.status } } : {}) };
    return createdAtMost ? { AND: [where, { createdAt: { lte: createdAtMost } }] } : where;
  }

  /** Yields whenever any instance changes: the list and the inbox refresh on it. */
  changes(signal?: AbortSignal) {
    return this.changeFeed.watch(signal);
  }

  private whereOf(filter: InstanceFilter) {
    return {
      ...(filter.workflowName ? { workflowName: filter.workflowName } : {}),
      ...(filter.workflowVersion !== undefined ? { workflowVersion: filter.workflowVersion } : {}),
      ...(filter.instanceId ? { id: { startsWith: filter.instanceId } } : {}),
      ...(filter.includeTests ? {} : { test: false }),
      // Running ones only: a suspended instance keeps its flag, yet nothing moves it until it resumes.
      ...(filter.waiting ? { AND: [{ status: "RUNNING" as const, waiting: true }] } : {}),
      createdAt: { ...(filter.createdFrom ? { gte: filter.createdFrom } : {}), ...(filter.createdTo ? { lt: filter.createdTo } : {}) },
    };
  }

  /** History events in order, all generations, from `afterSeq` on. */
  async history(instanceId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<Array<HistoryEvent & { generation: number }>> {
    await this.get(instanceId);
    const rows = await this.db.prisma.historyEvent.findMany({
      where: { instanceId, seq: { gt: options.afterSeq ?? 0 } },
      orderBy: { seq: "asc" },
      take: Math.min(Math.max(options.limit ?? MAX_PAGE_SIZE, 1), MAX_HISTORY_PAGE),
    });
    return rows.map((row) => generationEventFromRow({ ...row, data: row.data as Record<string, unknown> }));
  }

  /** The instance with its history after `afterSeq`, then again whenever its history grows. */
  watch(instanceId: string, afterSeq = 0, signal?: AbortSignal) {
    return watchInstance(this.db, this, instanceId, afterSeq, signal);
  }

  /** Starts a new instance that re-runs this one (see reruns.ts), linked to it. */
  rerun(instanceId: string, kind: RerunKind, options: RerunOptions = {}) {
    return rerun(this.db, this, instanceId, kind, options);
  }

  /** The instance this one re-runs, and its own re-runs. */
  related(instanceId: string) {
    return relatedInstances(this.db, this, instanceId);
  }

  /**
   * Queues an external event; a wait for it takes it now or whenever it starts waiting, except an
   * approval, which takes only a decision addressed to it (`Approvals.decide`).
   */
  async raiseEvent(instanceId: string, name: string, payload: Json, options: { eventId?: string; raisedBy?: string } = {}): Promise<{ eventId: string }> {
    if (!EventNameSchema.safeParse(name).success) throw invalid(`event name "${name.slice(0, 200)}" must be 1-128 letters, digits or _ . : -`);
    storableJson("the event's payload", payload);
    if (!INSTANCE_ID_PATTERN.test(instanceId)) throw notFound(`there is no instance "${instanceId.slice(0, 200)}"`);
    const eventId = options.eventId ?? randomUUID();
    const data = withTraceparent({ eventId, name, payload, ...(options.raisedBy ? { raisedBy: options.raisedBy } : {}) });
    // Shares a statement with the raises that arrive at the same time (see event-batch.ts).
    const raised = await this.events.submit({ instanceId, dataText: JSON.stringify(data), dedupeKey: `event:${eventId}` });
    if (raised.outcome === "no_instance") throw notFound(`there is no instance "${instanceId}"`);
    if (raised.outcome === "ended") throw conflict(`instance "${instanceId}" has ended (${raised.status}); it takes no more events`);
    return { eventId };
  }

  async terminate(instanceId: string, options: ActionOptions = {}) {
    const instance = await this.get(instanceId);
    if (TERMINAL_STATUSES.has(instance.runtimeStatus)) throw conflict(`instance "${instanceId}" has already ended (${instance.runtimeStatus})`);
    await this.enqueue(instanceId, "terminate", options);
  }

  async suspend(instanceId: string, options: ActionOptions = {}) {
    const instance = await this.get(instanceId);
    if (instance.runtimeStatus !== "RUNNING" && instance.runtimeStatus !== "PENDING") {
      throw conflict(`instance "${instanceId}" is ${instance.runtimeStatus}; only a running instance can be suspended`);
    }
    await this.enqueue(instanceId, "suspend", options);
  }

  async resume(instanceId: string, options: ActionOptions = {}) {
    const instance = await this.get(instanceId);
    if (instance.runtimeStatus !== "SUSPENDED") throw conflict(`instance "${instanceId}" is ${instance.runtimeStatus}; only a suspended instance can be resumed`);
    await this.enqueue(instanceId, "resume", options);
  }

  /** Deletes an ended instance with its history; returns it as it was, for the audit log. */
  async purge(instanceId: string): Promise<InstanceView> {
    const instance = await this.get(instanceId);
    if (!TERMINAL_STATUSES.has(instance.runtimeStatus)) {
      throw conflict(`instance "${instanceId}" is ${instance.runtimeStatus}; only an ended instance can be purged (terminate it first)`);
    }
    // Two purges at once (or retention meanwhile): the second finds nothing left to delete.
    const { instances } = await purgeEndedInstances(this.db.pool, [instanceId]);
    if (instances.length === 0) throw notFound(`there is no instance "${instanceId}"`);
    return instance;
  }

  private async enqueue(instanceId: string, kind: InboxMessageKind, data: object, dedupeKey = `${kind}:${randomUUID()}`) {
    try {
      await this.insertMessage(instanceId, kind, data, dedupeKey);
    } catch (error) {
      // Purged between the status check and the insert.
      if ((error as { code?: string }).code === "P2003" || String((error as Error).message).includes("23503")) {
        throw notFound(`there is no instance "${instanceId}"`);
      }
      throw error;
    }
    announce(this.db.pool, INBOX_CHANNEL);
  }

  private async insertMessage(instanceId: string, kind: InboxMessageKind, data: object, dedupeKey: string) {
    await this.db.prisma.$executeRaw`INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
      VALUES (${instanceId}, ${kind}, ${JSON.stringify(data)}::jsonb, ${dedupeKey}) ON CONFLICT (instance_id, dedupe_key) DO NOTHING`;
  }
}

function toView(row: {
  id: string;
  workflowName: string;
  workflowVersion: number;
  status: string;
  input: unknown;
  output: unknown;
  failure: unknown;
  customStatus: unknown;
  generation: number;
  originInstanceId: string | null;
  originKind: string | null;
  parentInstanceId: string | null;
  parentNode: string | null;
  parentStepId: string | null;
  startedBy: string | null;
  test: boolean;
  scheduleId: string | null;
  scheduledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}): InstanceView {
  return {
    instanceId: row.id,
    workflowName: row.workflowName,
    workflowVersion: row.workflowVersion,
    createdAt: row.createdAt.toISOString(),
    lastUpdatedAt: row.updatedAt.toISOString(),
    runtimeStatus: row.status as RuntimeStatus,
    input: (row.input ?? null) as Json,
    output: (row.output ?? null) as Json,
    failure: (row.failure ?? null) as WorkflowError | null,
    customStatus: (row.customStatus ?? null) as Json,
    generation: row.generation,
    origin: row.originInstanceId ? { instanceId: row.originInstanceId, kind: row.originKind as RerunKind } : null,
    parent: row.parentInstanceId ? { instanceId: row.parentInstanceId, node: row.parentNode ?? "", stepId: row.parentStepId ?? "" } : null,
    startedBy: row.startedBy,
    test: row.test,
    schedule: row.scheduleId && row.scheduledAt ? { scheduleId: row.scheduleId, scheduledAt: row.scheduledAt.toISOString() } : null,
  };
}

/** A start checked before it is stored: its id (made up when not given) and its input's text. */
function startRequest(workflowName: string, input: Json, options: StartOptions & { test?: boolean }): StartRequest {
  const instanceId = options.instanceId ?? randomUUID();
  if (!INSTANCE_ID_PATTERN.test(instanceId)) {
    throw invalid(`instance id "${instanceId.slice(0, 200)}" must be 1-200 letters, digits, . _ : or -`);
  }
  return {
    instanceId,
    workflowName,
    ...(options.version !== undefined ? { version: options.version } : {}),
    inputText: storableJson("the input", input),
    // Taken now, in the caller's context: the statement runs in whichever caller's came first.
    messageText: JSON.stringify(withTraceparent({})),
    ...(options.by ? { startedBy: options.by } : {}),
    test: options.test ?? false,
    ...(options.schedule ? { scheduleId: options.schedule.scheduleId, scheduledAt: options.schedule.scheduledAt } : {}),
  };
}

function newInstanceView(request: StartRequest, input: Json, workflowVersion: number, createdAt: Date, options: StartOptions & { test?: boolean }): InstanceView {
  const at = createdAt.toISOString();
  return {
    instanceId: request.instanceId,
    workflowName: request.workflowName,
    workflowVersion,
    createdAt: at,
    lastUpdatedAt: at,
    runtimeStatus: "PENDING",
    input,
    output: null,
    failure: null,
    customStatus: null,
    generation: 1,
    origin: null,
    parent: null,
    startedBy: options.by ?? null,
    test: options.test ?? false,
    schedule: options.schedule ?? null,
  };
}
