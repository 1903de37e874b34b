/**
 * Server push of an instance's progress: the instance and its new history events whenever
 * something is appended. Each watcher polls one indexed row, which crosses processes on every
 * database, the embedded one included, where NOTIFY does not.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Definition } from "@flowcraft/definition";
import type { Database } from "@flowcraft/db";
import type { Instances, InstanceView } from "./instances.ts";

export interface InstanceUpdate {
  instance: InstanceView;
  /**
   * The events after the previous update (or after the `afterSeq` asked for), in order, as the
   * JSON text of an array of `HistoryEvent & { generation }`. Text, because it is only passed on:
   * parsing thousands of events to serialise them again took most of a long backlog's time.
   */
  eventsJson: string;
  /** How many events `eventsJson` holds. */
  eventCount: number;
  /** The seq of the last event sent so far (with this update or before it): where a watch resumes. */
  seq: number;
  /**
   * The instance's newest event when this update was read: until the events received reach it,
   * more of the backlog is on its way and what was received is not the whole history.
   */
  lastSeq: number;
  /**
   * The definition of the instance's version, in the first update only: the view replays nothing
   * without it, and asking for it separately queued it behind the history's own reads.
   */
  definition?: Definition;
}

/** How often a watcher looks for new history. */
export const WATCH_INTERVAL_MS = 250;

/**
 * Most events in one update. A backlog of ten thousand goes in a few updates: the instance and the
 * first events arrive in tens of milliseconds, and each chunk is parsed while the next is read.
 */
export const UPDATE_CHUNK_EVENTS = 2_000;

/**
 * Yields the instance with every event after `afterSeq` at once (in chunks of `chunkEvents`), then
 * each time its history grows. Ends when the signal aborts or the instance is purged.
 */
export async function* watchInstance(
  db: Database,
  instances: Instances,
  id: string,
  afterSeq: number,
  signal: AbortSignal | undefined,
  chunkEvents = UPDATE_CHUNK_EVENTS,
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
      // Each chunk's events are read before the instance, so the status sent is never older than
      // the events sent with it (events newer than the status go out on the next look).
      let definitionSent = !first;
      for (let full = true; full && !signal?.aborted; ) {
        const events = await eventsAfter(db, id, seq, chunkEvents);
        const instance = await instances.get(id);
        const definition = definitionSent ? undefined : await definitionOf(db, instance);
        definitionSent = true;
        seq = events.lastSeq ?? seq;
        full = events.count === chunkEvents && seq < latest;
        yield { instance, eventsJson: events.json, eventCount: events.count, seq, lastSeq: Math.max(latest, seq), ...(definition ? { definition } : {}) };
      }
      first = false;
    }
    await sleep(WATCH_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
  }
}

async function lastSeqOf(db: Database, id: string): Promise<number | null> {
  const { rows } = await db.pool.query<{ last_seq: number }>("SELECT last_seq FROM instance WHERE id = $1", [id]);
  return rows[0]?.last_seq ?? null;
}

async function definitionOf(db: Database, instance: InstanceView): Promise<Definition | undefined> {
  const { rows } = await db.pool.query<{ definition: Definition }>("SELECT definition FROM workflow_version WHERE workflow_name = $1 AND version = $2", [
    instance.workflowName,
    instance.workflowVersion,
  ]);
  return rows[0]?.definition;
}

/**
 * Up to `limit` events after `afterSeq` as one JSON array text, in the shape `generationEventFromRow`
 * gives: the body's text as stored, with the columns put in front. A body with its own copy of the
 * generation (an execution_started) is written again without it, so that no key appears twice.
 */
async function eventsAfter(db: Database, id: string, afterSeq: number, limit: number): Promise<{ json: string; count: number; lastSeq: number | undefined }> {
  const { rows } = await db.pool.query<{ seq: number; type: string; at: string; generation: number; data: string }>(
    `SELECT seq, type, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, generation, data::text AS data
     FROM history_event WHERE instance_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [id, afterSeq, limit],
  );
  const events = rows.map(({ seq, type, at, generation, data: stored }) => {
    const data = stored.includes('"generation"') ? withoutGeneration(stored) : stored;
    const body = data.length > 2 ? `,${data.slice(1)}` : "}";
    return `{"type":${JSON.stringify(type)},"seq":${seq},"at":"${at}","generation":${generation}${body}`;
  });
  return { json: `[${events.join(",")}]`, count: rows.length, lastSeq: rows.at(-1)?.seq };
}

function withoutGeneration(text: string): string {
  const { generation: _generation, ...rest } = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(rest);
}
