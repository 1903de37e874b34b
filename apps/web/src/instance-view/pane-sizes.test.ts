import { describe, expect, it } from "vitest";
import { DEFAULT_PANE_SIZES, PANE_LIMITS, clampPaneSize, parsePaneSizes } from "./pane-sizes.ts";

describe("parsePaneSizes", () => {
  it("falls back to the defaults for nothing stored or a damaged entry", () => {
    expect(parsePaneSizes(null)).toEqual(DEFAULT_PANE_SIZES);
    expect(parsePaneSizes("{not json")).toEqual(DEFAULT_PANE_SIZES);
    expect(parsePaneSizes('"a string"')).toEqual(DEFAULT_PANE_SIZES);
  });

  it("keeps the stored sizes, each within its limits, and the defaults for the rest", () => {
    expect(parsePaneSizes(JSON.stringify({ graph: 700, timeline: 1, history: "tall" }))).toEqual({ graph: 700, timeline: PANE_LIMITS.timeline.min, history: DEFAULT_PANE_SIZES.history });
  });
});

describe("clampPaneSize", () => {
  it("rounds to whole pixels within the pane's limits", () => {
    expect(clampPaneSize("graph", 333.4)).toBe(333);
    expect(clampPaneSize("graph", 10)).toBe(PANE_LIMITS.graph.min);
    expect(clampPaneSize("history", 1e9)).toBe(PANE_LIMITS.history.max);
  });
});
