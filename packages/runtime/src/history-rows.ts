/** History events as rows: the one place where the stored shape meets the engine's type. */
import type { HistoryEvent } from "@flowcraft/engine";

export interface HistoryRow {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  at: Date | string;
}

export function eventFromRow(row: HistoryRow): HistoryEvent {
  const at = row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
  return { type: row.type, seq: row.seq, at, ...row.data } as HistoryEvent;
}

/** The row fields of an event: its body without type, seq and time, which have columns. */
export function dataOf(event: HistoryEvent): Record<string, unknown> {
  const { type: _type, seq: _seq, at: _at, ...data } = event;
  return data;
}
