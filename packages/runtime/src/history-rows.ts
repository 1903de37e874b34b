/** History events as rows: the one place where the stored shape meets the engine's type. */
import type { HistoryEvent } from "@flowcraft/engine";
import { isoTime } from "./iso-time.ts";

export interface HistoryRow {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  at: Date | string;
}

export function eventFromRow(row: HistoryRow): HistoryEvent {
  const at = isoTime(row.at instanceof Date ? row.at.getTime() : new Date(row.at).getTime());
  return { type: row.type, seq: row.seq, at, ...row.data } as HistoryEvent;
}

/** An event with the generation it belongs to, as the history API and the instance view get it. */
export function generationEventFromRow(row: HistoryRow & { generation: number }): HistoryEvent & { generation: number } {
  const { type, seq, at, ...data } = eventFromRow(row);
  return { type, seq, at, generation: row.generation, ...data } as HistoryEvent & { generation: number };
}

/** The row fields of an event: its body without type, seq and time, which have columns. */
export function dataOf(event: HistoryEvent): Record<string, unknown> {
  const { type: _type, seq: _seq, at: _at, ...data } = event;
  return data;
}
