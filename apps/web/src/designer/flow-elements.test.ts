import type { Definition } from "@flowcraft/definition";
import { toCanvasModel } from "@flowcraft/definition/editor";
import { describe, expect, it } from "vitest";
import { flowNodesOf, handleGeometry, withDragged } from "./flow-elements.ts";
import { CONTAINER_PADDING, HANDLE_SIZE, MIN_CONTAINER_SIZE, STEP_SIZE } from "./geometry.ts";

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

describe("withDragged", () => {
  // A step, then a fan-out whose body holds one step.
  const definition = {
    version: 1,
    start: "fetch",
    nodes: {
      fetch: { type: "activity", activity: "http", next: "each" },
      each: { type: "map", items: "[1, 2]", body: { start: "work", nodes: { work: { type: "activity", activity: "transform" } } } },
    },
  } as unknown as Definition;
  const model = toCanvasModel(definition);
  // Each at the top left corner of its container: the containers have their smallest size.
  const positions = Object.fromEntries(model.nodes.map((node) => [node.id, { x: CONTAINER_PADDING.left, y: CONTAINER_PADDING.top }]));
  const placed = flowNodesOf({ model, positions, problems: new Map(), selection: new Set(), describe: (node) => ({ detail: "", handles: node.handles, exitLabels: node.handles.map(() => "") }) }, new Map());
  const byId = (nodes: typeof placed, id: string) => nodes.find((node) => node.id === id)!;

  it("leaves the elements as they are when nothing is dragged", () => {
    expect(withDragged(placed, {})).toBe(placed);
  });

  it("moves the dragged node and grows its container to hold it, leaving every other node untouched", () => {
    const dragged = withDragged(placed, { work: { x: 400, y: 300 } });
    expect(byId(dragged, "work").position).toEqual({ x: 400, y: 300 });
    const size = { width: 400 + STEP_SIZE.width + CONTAINER_PADDING.right, height: 300 + STEP_SIZE.height + CONTAINER_PADDING.bottom };
    expect(byId(dragged, "each")).toMatchObject(size);
    // The container's handles move with its bottom edge.
    expect(byId(dragged, "each").handles!.find((h) => h.id === "next")!.y).toBe(size.height - HANDLE_SIZE / 2);
    expect(byId(dragged, "fetch")).toBe(byId(placed, "fetch"));
  });

  it("keeps a container's size while its child moves inside it", () => {
    const dragged = withDragged(placed, { work: { x: 30, y: 50 } });
    expect(byId(dragged, "each")).toBe(byId(placed, "each"));
    expect(byId(dragged, "each")).toMatchObject(MIN_CONTAINER_SIZE);
  });
});
