/**
 * Undo and redo over definitions. Every edit replaces the definition with a new object, so a
 * snapshot costs a pointer; edits to the same field in quick succession (typing in the inspector)
 * are folded into one step, so undo goes back a word, not a letter.
 */
import type { Definition } from "@flowcraft/definition";

/** Longest undo history kept. */
export const UNDO_LIMIT = 200;
/** Edits with the same key this close together count as one undo step. */
export const COALESCE_WINDOW_MS = 1_000;

export interface EditHistory {
  past: Definition[];
  future: Definition[];
  /** Key and time of the latest edit, for folding. */
  last: { key: string; at: number } | null;
}

export const emptyHistory = (): EditHistory => ({ past: [], future: [], last: null });

/** Records that `before` was replaced by an edit; returns the new history. */
export function recordEdit(history: EditHistory, before: Definition, key: string | undefined, now: number): EditHistory {
  const folds = key !== undefined && history.last?.key === key && now - history.last.at < COALESCE_WINDOW_MS && history.past.length > 0;
  const past = folds ? history.past : [...history.past, before].slice(-UNDO_LIMIT);
  return { past, future: [], last: key === undefined ? null : { key, at: now } };
}

export function undo(history: EditHistory, current: Definition): { history: EditHistory; definition: Definition } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return { history: { past: history.past.slice(0, -1), future: [current, ...history.future], last: null }, definition: previous };
}

export function redo(history: EditHistory, current: Definition): { history: EditHistory; definition: Definition } | null {
  const next = history.future[0];
  if (!next) return null;
  return { history: { past: [...history.past, current], future: history.future.slice(1), last: null }, definition: next };
}
