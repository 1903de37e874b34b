/**
 * The heights of the instance view's panes (graph, timeline, history), as people last dragged
 * them, kept in localStorage so that every instance opens with the room they chose.
 */
import { useCallback, useState } from "react";

export type Pane = "graph" | "timeline" | "history";
export type PaneSizes = Record<Pane, number>;

export const PANE_SIZES_KEY = "flowcraft:instance-view:pane-sizes";

/** Room for a graph at a readable zoom at 1440×900, and for a dozen lanes and history rows. */
export const DEFAULT_PANE_SIZES: PaneSizes = { graph: 520, timeline: 300, history: 300 };
export const PANE_LIMITS: Record<Pane, { min: number; max: number }> = {
  graph: { min: 160, max: 2000 },
  timeline: { min: 48, max: 2000 },
  history: { min: 96, max: 2000 },
};

export const clampPaneSize = (pane: Pane, size: number) => Math.round(Math.min(PANE_LIMITS[pane].max, Math.max(PANE_LIMITS[pane].min, size)));

/** Sizes read back from storage; anything missing or malformed falls back to the defaults. */
export function parsePaneSizes(stored: string | null): PaneSizes {
  let parsed: unknown = null;
  try {
    parsed = stored ? JSON.parse(stored) : null;
  } catch {
    // A damaged entry is as good as none.
  }
  const sizes = { ...DEFAULT_PANE_SIZES };
  if (parsed && typeof parsed === "object") {
    for (const pane of Object.keys(sizes) as Pane[]) {
      const value = (parsed as Record<string, unknown>)[pane];
      if (typeof value === "number" && Number.isFinite(value)) sizes[pane] = clampPaneSize(pane, value);
    }
  }
  return sizes;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(PANE_SIZES_KEY);
  } catch {
    // Storage may be off (private windows, policies): the defaults serve.
    return null;
  }
}

export function usePaneSizes() {
  const [sizes, setSizes] = useState(() => parsePaneSizes(readStored()));
  const resize = useCallback((pane: Pane, size: number) => {
    setSizes((current) => {
      const next = { ...current, [pane]: clampPaneSize(pane, size) };
      try {
        localStorage.setItem(PANE_SIZES_KEY, JSON.stringify(next));
      } catch {
        // Not remembered, still resized.
      }
      return next;
    });
  }, []);
  return { sizes, resize };
}
