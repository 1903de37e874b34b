/**
 * The orders the instances list is sorted in, and the cursors that page through it. A cursor
 * carries its order, so a page asked for in another order is refused instead of skipping rows.
 */
import { invalid } from "./errors.ts";
import { INSTANCE_ID_PATTERN } from "./instances.ts";
import { decodeCursorParts, encodeCursorParts } from "./page-cursor.ts";

export const INSTANCE_ORDERS = ["newest", "oldest"] as const;
export type InstanceOrder = (typeof INSTANCE_ORDERS)[number];

interface Position {
  createdAt: Date;
  id: string;
}

/** Prisma's sort and the condition for the rows after a position, both on (created_at, id). */
export function orderClauses(order: InstanceOrder, after: Position | null) {
  const direction = order === "newest" ? "desc" : "asc";
  const beyond = order === "newest" ? "lt" : "gt";
  return {
    orderBy: [{ createdAt: direction }, { id: direction }] as const,
    where: after ? { OR: [{ createdAt: { [beyond]: after.createdAt } }, { createdAt: after.createdAt, id: { [beyond]: after.id } }] } : {},
  };
}

export function encodeCursor(order: InstanceOrder, { createdAt, id }: Position): string {
  return encodeCursorParts([order, createdAt.toISOString(), id]);
}

/** Creation times a cursor may carry: any this server could have stored, and none Postgres cannot compare. */
const EARLIEST_CREATED_MS = Date.UTC(1970, 0, 1);
const LATEST_CREATED_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function decodeCursor(cursor: string, order: InstanceOrder): Position {
  const [cursorOrder, createdAt, id] = decodeCursorParts(cursor);
  const time = new Date(typeof createdAt === "string" ? createdAt : Number.NaN).getTime();
  // Checked as strictly as the server writes them: a forged cursor must not reach Postgres with a
  // NUL in its id or a date it cannot read.
  const wellFormed = typeof id === "string" && INSTANCE_ID_PATTERN.test(id) && time >= EARLIEST_CREATED_MS && time <= LATEST_CREATED_MS;
  if (!wellFormed || !INSTANCE_ORDERS.includes(cursorOrder as InstanceOrder)) {
    throw invalid("cursor is not one this server returned");
  }
  const date = new Date(time);
  if (cursorOrder !== order) throw invalid(`cursor pages the ${cursorOrder} first order, not ${order} first; start again without it`);
  return { createdAt: date, id };
}
