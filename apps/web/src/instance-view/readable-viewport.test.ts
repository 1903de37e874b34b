import { describe, expect, it } from "vitest";
import { READABLE_ZOOM, fitsReadably, readableViewport } from "./readable-viewport.ts";

const pane = { width: 1072, height: 520 };

describe("readableViewport", () => {
  it("centres a small graph at 100%, never magnified", () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 200, height: 100 }, pane);
    expect(viewport.zoom).toBe(1);
    expect(viewport.x).toBe(56 + (1000 - 200) / 2);
    expect(viewport.y).toBe(16 + (488 - 100) / 2);
  });

  it("shrinks a graph a little too big to fit it whole", () => {
    const viewport = readableViewport({ x: 0, y: 0, width: 500, height: 536 }, pane);
    expect(viewport.zoom).toBeCloseTo(488 / 536);
  });

  it("stops at the readable zoom and shows a tall graph from its top, centred across", () => {
    const viewport = readableViewport({ x: -100, y: 40, width: 400, height: 3000 }, pane);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(viewport.y).toBeCloseTo(16 - 40 * READABLE_ZOOM);
    expect(viewport.x).toBeCloseTo(56 + (1000 - 400 * READABLE_ZOOM) / 2 + 100 * READABLE_ZOOM);
  });

  it("shows a wide graph from its left edge", () => {
    const viewport = readableViewport({ x: 10, y: 0, width: 5000, height: 100 }, pane);
    expect(viewport.zoom).toBe(READABLE_ZOOM);
    expect(viewport.x).toBeCloseTo(56 - 10 * READABLE_ZOOM);
  });
});

describe("fitsReadably", () => {
  it("says whether the whole graph shows at a readable zoom", () => {
    expect(fitsReadably({ x: 0, y: 0, width: 500, height: 536 }, pane)).toBe(true);
    expect(fitsReadably({ x: 0, y: 0, width: 400, height: 3000 }, pane)).toBe(false);
  });
});
