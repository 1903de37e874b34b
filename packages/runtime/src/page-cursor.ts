/** The text of a paging cursor: the position a page ended at, opaque to callers. */
export function encodeCursorParts(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** The parts a cursor was made of, or an empty list for text that is not a cursor. */
export function decodeCursorParts(cursor: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}
