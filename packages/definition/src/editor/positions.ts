/**
 * Canvas positions, kept in the definition's `ui.positions` by canvas id. Each position is
 * relative to the node's parent on the canvas, as xyflow places children. The `ui` section is
 * free-form editor data, so positions are read defensively and the rest of `ui` is left alone.
 */
import { z } from "zod";
import type { Definition } from "../schema.ts";
import { failed, succeeded, type EditResult } from "./edit-result.ts";

/** A point on the canvas. */
export const PositionSchema = z.object({ x: z.number(), y: z.number() });

/** `ui.positions`: canvas id to position, relative to the parent container. */
export const UiPositionsSchema = z.record(z.string(), PositionSchema);

/** A point on the canvas. */
export type Position = z.infer<typeof PositionSchema>;

/** The well-formed entries of `ui.positions`; anything else found there is ignored. */
export function readPositions(definition: Definition): Record<string, Position> {
  const raw = definition.ui?.positions;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return {};
  const entries: [string, Position][] = [];
  for (const [id, value] of Object.entries(raw)) {
    const parsed = PositionSchema.safeParse(value);
    if (parsed.success) entries.push([id, parsed.data]);
  }
  return Object.fromEntries(entries);
}

/** Writes positions, merged into the stored ones (malformed stored entries are dropped), e.g. after a drag. */
export function setPositions(definition: Definition, positions: Record<string, Position>): EditResult {
  for (const [id, position] of Object.entries(positions)) {
    if (!Number.isFinite(position.x) || !Number.isFinite(position.y)) {
      return failed(`position of "${id}" must be two finite numbers`);
    }
  }
  return succeeded(writePositions(definition, { ...readPositions(definition), ...positions }));
}

/**
 * Moves, renames or drops stored positions: `change` returns the new canvas id of an entry, or
 * null to drop it. The definition comes back as it is when no entry changes, so that edits that
 * touch no position do not add a `ui` section.
 */
export function rekeyPositions(definition: Definition, change: (canvasId: string) => string | null): Definition {
  const current = readPositions(definition);
  let changed = false;
  const entries: [string, Position][] = [];
  for (const [id, position] of Object.entries(current)) {
    const key = change(id);
    if (key !== id) changed = true;
    if (key !== null) entries.push([key, position]);
  }
  return changed ? writePositions(definition, Object.fromEntries(entries)) : definition;
}

/** The definition with `ui.positions` replaced; other `ui` entries are kept. */
export function writePositions(definition: Definition, positions: Record<string, Position>): Definition {
  return { ...definition, ui: { ...definition.ui, positions } };
}
