/**
 * The orders the instances list is sorted in, and the cursors that page through it. A cursor
 * carries its order, so a page asked for in another order is refused instead of skipping rows.
 */
import { invalid } from "./errors.ts";
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

export function decodeCursor(cursor: string, order: InstanceOrder): Position {
  const [cursorOrder, createdAt, id] = decodeCursorParts(cursor);
  const date = new Date(typeof createdAt === "string" ? createdAt : Number.NaN);
  if (typeof id !== "string" || Number.isNaN(date.getTime()) || !INSTANCE_ORDERS.includes(cursorOrder as InstanceOrder)) {
    throw invalid("cursor is not one this server returned");
  }
  if (cursorOrder !== order) throw invalid(`cursor pages the ${cursorOrder} first order, not ${order} first; start again without it`);
  return { createdAt: date, id };
}
