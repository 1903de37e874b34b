/** The outcome of an edit: the new definition, or why the edit cannot be made. */
import type { Definition } from "../schema.ts";

/**
 * What every edit returns. `Extra` carries what an edit creates (the id of an added node...), so
 * that the designer can select it. On failure the definition is untouched and `error` says why.
 */
export type EditResult<Extra extends object = object> =
  | ({ ok: true; definition: Definition } & Extra)
  | { ok: false; error: string };

/** A successful edit. */
export function succeeded(definition: Definition): EditResult;
export function succeeded<Extra extends object>(definition: Definition, extra: Extra): EditResult<Extra>;
export function succeeded(definition: Definition, extra: object = {}): EditResult<object> {
  return { ...extra, ok: true, definition };
}

/** A refused edit. */
export function failed(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** "an activity node", "a map node": a node kind in a message. */
export function kindPhrase(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} node`;
}
