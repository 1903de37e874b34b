/**
 * Server push of an instance's progress: the instance and its new history events whenever
 * something is appended. Each watcher polls one indexed row, which crosses processes on every
 * database, the embedded one included, where NOTIFY does not.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { HistoryEvent } from "@flowcraft/engine";
import type { Database } from "@flowcraft/db";
import type { Instances, InstanceView } from "./instances.ts";
import { MAX_HISTORY_PAGE } from "./page-limits.ts";

export interface InstanceUpdate {
  instance: InstanceView;
  /** Events after the previous update (or after the `afterSeq` asked for), in order. */
  events: Array<HistoryEvent & { generation: number }>;
}

/** How often a watcher looks for new history. */
export const WATCH_INTERVAL_MS = 250;

/**
 * Yields the instance with every event after `afterSeq` at once, then each time its history grows.
 * Ends when the signal aborts or the instance is purged.
 */
export async function* watchInstance(
  db: Database,
  instances: Instances,
  id: string,
  afterSeq: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<InstanceUpdate> {
  let seq = afterSeq;
  let first = true;
  while (!signal?.aborted) {
    const latest = await lastSeqOf(db, id);
    if (latest === null) {
      if (first) await instances.get(id); // says which instance does not exist
      return;
    }
    if (first || latest > seq) {
      // Events first: the instance read after them is at least as new, so the status shown never
      // lags behind events already sent (newer events than the status are sent on the next look).
      const events = await eventsAfter(instances, id, seq);
      const instance = await instances.get(id);
      seq = events.at(-1)?.seq ?? seq;
      yield { instance, events };
      first = false;
    }
    await sleep(WATCH_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
  }
}

async function lastSeqOf(db: Database, id: string): Promise<number | null> {
  const { rows } = await db.pool.query<{ last_seq: number }>("SELECT last_seq FROM instance WHERE id = $1", [id]);
  return rows[0]?.last_seq ?? null;
}

async function eventsAfter(instances: Instances, id: string, afterSeq: number) {
  const limit = MAX_HISTORY_PAGE;
  const events: InstanceUpdate["events"] = [];
  for (let seq = afterSeq; ; ) {
    const page = await instances.history(id, { afterSeq: seq, limit });
    events.push(...page);
    if (page.length < limit) return events;
    seq = page.at(-1)!.seq;
  }
}

/** How often the change feed of all instances looks for changes. */
export const CHANGES_INTERVAL_MS = 1_000;

/** Yields `{ changedAt }` at once and then whenever an instance is created, changes or is purged. */
export async function* watchInstanceChanges(db: Database, signal: AbortSignal | undefined): AsyncGenerator<{ changedAt: string }> {
  let previous = "";
  while (!signal?.aborted) {
    const { rows } = await db.pool.query<{ changed_at: Date | null; count: string }>(
      "SELECT max(updated_at) AS changed_at, count(*) AS count FROM instance",
    );
    const current = `${rows[0]?.changed_at?.toISOString() ?? ""}/${rows[0]?.count ?? 0}`;
    if (current !== previous) {
      previous = current;
      yield { changedAt: rows[0]?.changed_at?.toISOString() ?? new Date(0).toISOString() };
    }
    await sleep(CHANGES_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
  }
}
