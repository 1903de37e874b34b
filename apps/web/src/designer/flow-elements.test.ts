import { describe, expect, it } from "vitest";
import { handleGeometry } from "./flow-elements.ts";
import { HANDLE_SIZE } from "./geometry.ts";

const half = HANDLE_SIZE / 2;

describe("handleGeometry", () => {
  it("centres the target on the top edge and spreads the sources along the bottom edge", () => {
    const handles = handleGeometry("decision", ["choice-0", "default"], { width: 200, height: 64 });
    expect(handles.map(({ id, type, x, y }) => ({ id, type, x, y }))).toEqual([
      { id: "in", type: "target", x: 100 - half, y: -half },
      { id: "choice-0", type: "source", x: 200 / 3 - half, y: 64 - half },
      { id: "default", type: "source", x: 400 / 3 - half, y: 64 - half },
    ]);
  });

  it("gives start markers no target and branch lanes no handles", () => {
    expect(handleGeometry("start", ["start"], { width: 96, height: 36 }).map((h) => h.id)).toEqual(["start"]);
    expect(handleGeometry("branch", [], { width: 300, height: 200 })).toEqual([]);
  });
});
