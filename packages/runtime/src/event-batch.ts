/**
 * Raised events stored many to a statement: concurrent raises share one through `GroupCommit`.
 * The statement checks that each instance exists and has not ended, and queues the event, at once.
 */
import { queryPrepared } from "@flowcraft/db";
import { TERMINAL_STATUSES, type RuntimeStatus } from "@flowcraft/engine";
import type pg from "pg";
import { GroupCommit } from "./group-commit.ts";
import { announce, INBOX_CHANNEL } from "./notifier.ts";

export interface EventRequest {
  instanceId: string;
  /** JSON text of the inbox message's data: eventId, name, payload and who raised it. */
  dataText: string;
  /** `event:<eventId>`: the same event raised twice is queued once. */
  dedupeKey: string;
}

export type EventOutcome = { outcome: "queued" } | { outcome: "no_instance" } | { outcome: "ended"; status: RuntimeStatus };

/** Concurrent raises of one process, coalesced into shared statements. */
export function eventBatcher(pool: pg.Pool): GroupCommit<EventRequest, EventOutcome> {
  return new GroupCommit(
    (requests) => storeEvents(pool, requests),
    (request) => `${request.instanceId}\n${request.dedupeKey}`,
  );
}

async function storeEvents(pool: pg.Pool, requests: EventRequest[]): Promise<EventOutcome[]> {
  const rows = requests.map((request, ord) => ({ ord, instance_id: request.instanceId, data: request.dataText, dedupe_key: request.dedupeKey }));
  const { rows: results } = await queryPrepared(
    pool,
    "flowcraft_raise_events",
    `WITH requested AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(ord int, instance_id text, data text, dedupe_key text)
     ),
     -- Locked against a purge until the events are queued: a purge waits, or has already won.
     target AS (
       SELECT id, status FROM instance WHERE id IN (SELECT instance_id FROM requested) FOR KEY SHARE
     ),
     queued AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT r.instance_id, 'event', r.data::jsonb, r.dedupe_key
       FROM requested r JOIN target t ON t.id = r.instance_id
       WHERE t.status::text <> ALL ($2::text[])
       ORDER BY r.ord
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
     )
     SELECT r.ord, t.status::text AS status FROM requested r LEFT JOIN target t ON t.id = r.instance_id`,
    [JSON.stringify(rows), [...TERMINAL_STATUSES]],
  );
  const outcomes: EventOutcome[] = new Array(requests.length);
  for (const row of results) {
    outcomes[row.ord] =
      row.status === null ? { outcome: "no_instance" } : TERMINAL_STATUSES.has(row.status) ? { outcome: "ended", status: row.status } : { outcome: "queued" };
  }
  if (outcomes.some((outcome) => outcome.outcome === "queued")) announce(pool, INBOX_CHANNEL);
  return outcomes;
}
