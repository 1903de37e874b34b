import { describe, expect, it } from "vitest";
import { detailLevelAt, OUTLINE_BELOW_ZOOM } from "./level-of-detail.ts";

describe("detailLevelAt", () => {
  it.each([
    // A small workflow fitted to the view, never magnified past 100%: every label readable.
    [1, "full"],
    [0.5, "full"],
    [OUTLINE_BELOW_ZOOM, "full"],
    // A 500-node workflow fitted to the view, down to the smallest zoom: plain boxes.
    [0.39, "outline"],
    [0.05, "outline"],
  ] as const)("at zoom %s draws %s nodes", (zoom, level) => {
    expect(detailLevelAt(zoom)).toBe(level);
  });
});
