/**
 * Sizes of values as JSON text, measured without writing the text: a value an expression built
 * can share one array in many places (`[$a, $a]` in a loop), so its JSON may be exponentially
 * larger than the value in memory, and writing it out first would be the very blow-up to avoid.
 */

/**
 * Whether the value's JSON text has at most `limit` characters (a lower bound: string escapes
 * are not counted), written with `indent` spaces per level as JSON.stringify would. Visits at
 * most about `limit` values, however the value shares its parts.
 */
export function jsonFitsIn(value: unknown, limit: number, indent = 0): boolean {
  let size = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop()!;
    // Pretty-printed, each member starts a line indented to its depth.
    if (indent > 0 && depth > 0) size += 1 + depth * indent;
    if (typeof next === "string") size += next.length + 2;
    else if (Array.isArray(next)) {
      size += 1 + next.length;
      for (let i = next.length - 1; i >= 0; i--) pending.push([next[i], depth + 1]);
    } else if (next !== null && typeof next === "object") {
      size += 1;
      for (const [key, item] of Object.entries(next)) {
        size += key.length + 4;
        pending.push([item, depth + 1]);
      }
    } else size += 4;
    if (size > limit) return false;
  }
  return true;
}

/** Bytes of the text in UTF-8, as Postgres stores it (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
