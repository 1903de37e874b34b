/**
 * Re-runs of an instance, each a new instance linked to its origin: retry from the failed step
 * (reusing the recorded outputs of the steps before it), rerun from the start with the same input,
 * or rerun on another definition version.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { historyForRetry, summarize, TERMINAL_STATUSES, type HistoryEvent, type HistoryEventOf, type RerunKind, type RuntimeStatus } from "@flowcraft/engine";
import { conflict, invalid } from "./errors.ts";
import { withTraceparent } from "./tracing.ts";
import { dataOf, eventFromRow } from "./history-rows.ts";
import type { Instances, InstanceView } from "./instances.ts";
import { announce, INBOX_CHANNEL } from "./notifier.ts";
import { workflowNotFound } from "./workflows.ts";

export interface RerunOptions {
  /** The definition version for `on_version`. */
  version?: number;
  /** Who asked for it, recorded in the new instance's first event. */
  by?: string;
}

/** Children listed with their parent, at most; `childrenTotal` counts them all (a fan-out may start thousands). */
export const CHILDREN_LISTED = 100;

/** An instance's origin and the re-runs made of it, newest first; its parent, and its children oldest first. */
export interface RelatedInstances {
  origin: { instanceId: string; kind: RerunKind } | null;
  reruns: Array<{ instanceId: string; kind: RerunKind; createdAt: string; runtimeStatus: RuntimeStatus }>;
  parent: InstanceView["parent"];
  children: Array<{ instanceId: string; workflowName: string; node: string; stepId: string; attempt: number; createdAt: string; runtimeStatus: RuntimeStatus }>;
  childrenTotal: number;
}

export async function rerun(db: Database, instances: Instances, originId: string, kind: RerunKind, options: RerunOptions = {}): Promise<InstanceView> {
  const origin = await instances.get(originId);
  if (!TERMINAL_STATUSES.has(origin.runtimeStatus)) {
    throw conflict(`instance "${originId}" is ${origin.runtimeStatus}; only an ended instance can be re-run (terminate it first)`);
  }
  if (kind === "retry_failed" && origin.runtimeStatus !== "FAILED") {
    throw conflict(`instance "${originId}" is ${origin.runtimeStatus}; only a failed instance can be retried from its failed step`);
  }
  if (kind === "on_version" && options.version === undefined) throw invalid("a rerun on another version needs the version");
  const version = kind === "on_version" ? options.version! : origin.workflowVersion;
  const exists = await db.prisma.workflowVersion.findUnique({ where: { workflowName_version: { workflowName: origin.workflowName, version } } });
  if (!exists) throw workflowNotFound(origin.workflowName, version);

  const originEvent = { instanceId: originId, kind, ...(options.by ? { by: options.by } : {}) };
  const started: HistoryEvent = {
    type: "execution_started",
    workflowName: origin.workflowName,
    workflowVersion: version,
    input: origin.input,
    generation: 1,
    origin: originEvent,
    seq: 1,
    at: new Date().toISOString(),
  };
  const copied = kind === "retry_failed" ? historyForRetry(await currentGeneration(db, originId, origin.generation)) : [];
  // A retry keeps its generation's first event (input, a monitor's resume point) and adds the origin.
  const history = copied[0]?.type === "execution_started" ? [{ ...copied[0], origin: originEvent }, ...copied.slice(1)] : [started];
  const { customStatus } = summarize(history);

  const id = randomUUID();
  await db.prisma.$transaction(async (tx) => {
    // Whoever asks for the re-run starts it: an approval that excludes the starter excludes them.
    // A re-run on a test version (a test run re-run as it was) is a test run too.
    await tx.$executeRaw`INSERT INTO instance (id, workflow_name, workflow_version, input, custom_status, last_seq, origin_instance_id, origin_kind, started_by, test)
      VALUES (${id}, ${origin.workflowName}, ${version}, ${JSON.stringify(origin.input)}::jsonb, ${JSON.stringify(customStatus)}::jsonb,
              ${history.length}, ${originId}, ${kind}, ${options.by ?? null}, ${exists.test})`;
    const rows = history.map((event) => ({ seq: event.seq, type: event.type, data: dataOf(event), at: event.at }));
    await tx.$executeRaw`INSERT INTO history_event (instance_id, seq, generation, type, data, at)
      SELECT ${id}, seq, 1, type, data, at FROM json_to_recordset(${JSON.stringify(rows)}::json) AS e(seq int, type text, data json, at timestamptz)`;
    await tx.$executeRaw`INSERT INTO inbox_message (instance_id, kind, data, dedupe_key) VALUES (${id}, 'start', ${JSON.stringify(withTraceparent({}))}::jsonb, 'start')`;
    await recordRerunInOrigin(tx, originId, { rerunInstanceId: id, kind, workflowVersion: version, ...(options.by ? { by: options.by } : {}) });
  });
  announce(db.pool, INBOX_CHANNEL);
  return instances.get(id);
}

export async function relatedInstances(db: Database, instances: Instances, instanceId: string): Promise<RelatedInstances> {
  const instance = await instances.get(instanceId);
  const reruns = await db.prisma.instance.findMany({
    where: { originInstanceId: instanceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, originKind: true, createdAt: true, status: true },
  });
  const [children, childrenTotal] = await Promise.all([
    db.prisma.instance.findMany({
      where: { parentInstanceId: instanceId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: CHILDREN_LISTED,
      select: { id: true, workflowName: true, parentNode: true, parentStepId: true, parentAttempt: true, createdAt: true, status: true },
    }),
    db.prisma.instance.count({ where: { parentInstanceId: instanceId } }),
  ]);
  return {
    origin: instance.origin,
    reruns: reruns.map((row) => ({
      instanceId: row.id,
      kind: row.originKind as RerunKind,
      createdAt: row.createdAt.toISOString(),
      runtimeStatus: row.status as RuntimeStatus,
    })),
    parent: instance.parent,
    children: children.map((row) => ({
      instanceId: row.id,
      workflowName: row.workflowName,
      node: row.parentNode ?? "",
      stepId: row.parentStepId ?? "",
      attempt: row.parentAttempt ?? 1,
      createdAt: row.createdAt.toISOString(),
      runtimeStatus: row.status as RuntimeStatus,
    })),
    childrenTotal,
  };
}

type Tx = Parameters<Parameters<Database["prisma"]["$transaction"]>[0]>[0];

/** The origin's own history says who re-ran it, how, and as which instance. */
async function recordRerunInOrigin(tx: Tx, originId: string, rerun: Omit<HistoryEventOf<"rerun_requested">, "type" | "seq" | "at">) {
  // The update locks the origin's row, so two re-runs at the same moment take consecutive numbers.
  await tx.$executeRaw`
    WITH origin AS (
      UPDATE instance SET last_seq = last_seq + 1, updated_at = now() WHERE id = ${originId}
      RETURNING last_seq, generation)
    INSERT INTO history_event (instance_id, seq, generation, type, data, at)
    SELECT ${originId}, last_seq, generation, 'rerun_requested', ${JSON.stringify(rerun)}::json, now() FROM origin`;
}

async function currentGeneration(db: Database, instanceId: string, generation: number): Promise<HistoryEvent[]> {
  const rows = await db.prisma.historyEvent.findMany({ where: { instanceId, generation }, orderBy: { seq: "asc" } });
  return rows.map((row) => eventFromRow({ ...row, data: row.data as Record<string, unknown> }));
}
